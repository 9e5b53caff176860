import { describe, expect, it } from 'vitest';
import { isShellLive, leasesById, orderShells, pickShell } from '../../../renderer/features/shells/shell-select';
import { iso, lease, shell } from './lease-fixtures';

describe('shell selection', () => {
  const leases = leasesById([lease({ id: 'l1' }), lease({ id: 'l2', state: 'revoked' }), lease({ id: 'l3' })]);
  const old = shell({ id: 'sh_old', leaseId: 'l1', startedAt: iso(-600_000) });
  const ended = shell({ id: 'sh_ended', leaseId: 'l2', startedAt: iso(-1000) });
  const exited = shell({ id: 'sh_exited', leaseId: 'l3', exited: true, exitCode: 0, startedAt: iso(-500) });
  const fresh = shell({ id: 'sh_new', leaseId: 'l1', startedAt: iso(-1000) });

  it('knows a live shell: not exited, lease live', () => {
    expect(isShellLive(old, leases.get('l1'))).toBe(true);
    expect(isShellLive(ended, leases.get('l2'))).toBe(false);
    expect(isShellLive(exited, leases.get('l3'))).toBe(false);
  });

  it('orders live shells first, newest first in each group', () => {
    expect(orderShells([old, ended, exited, fresh], leases).map((s) => s.id)).toEqual(['sh_new', 'sh_old', 'sh_exited', 'sh_ended']);
  });

  it('picks the shell asked for, else the first', () => {
    const ordered = orderShells([old, ended, fresh], leases);
    expect(pickShell(ordered, 'sh_ended')?.id).toBe('sh_ended');
    expect(pickShell(ordered, 'sh_gone')?.id).toBe('sh_new');
    expect(pickShell(ordered, undefined)?.id).toBe('sh_new');
    expect(pickShell([], 'x')).toBeNull();
  });
});
