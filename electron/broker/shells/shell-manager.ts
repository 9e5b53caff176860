import { randomBytes } from 'node:crypto';
import { spawn, type IPty } from 'node-pty';
import { ContractFailure, type LeaseInfo, type ShellInfo } from '../../../shared/contract';
import { createTextMasker, type TextOutputMasker } from '../../../shared/redact';
import type { BrokerEvents } from '../events';
import type { LeaseManager } from '../leases/lease-manager';
import type { Logger } from '../log';
import type { Caller } from '../vault/token-vault';
import { sessionEnv, userShell } from './shell-env';

const SCROLLBACK_CHARS = 256 * 1024;
/** Held-back bytes (a possible secret prefix) are released after this much quiet. */
const IDLE_FLUSH_MS = 40;

interface Shell {
  info: ShellInfo;
  pty: IPty;
  masker: TextOutputMasker;
  scrollback: string;
  attached: Set<number>;
  idleTimer: NodeJS.Timeout | null;
}

function banner(text: string): string {
  return `\r\n\x1b[1;33m[latch] ${text}\x1b[0m\r\n`;
}

/** Shells in pseudo-terminals (node-pty) for the UI's embedded terminals; output masked. */
export class ShellManager {
  private readonly shells = new Map<string, Shell>();

  constructor(
    private readonly leases: LeaseManager,
    private readonly events: BrokerEvents,
    private readonly logger: Logger,
  ) {}

  async open(projectRef: string, options: { environment?: string; ttlSeconds?: number; cols?: number; rows?: number }, caller: Caller): Promise<ShellInfo> {
    const created = await this.leases.create(projectRef, { kind: 'shell', ...options }, caller);
    const { lease } = created;
    const env = sessionEnv({ base: process.env, values: created.env, session: created.session, project: lease.project, expiresAt: lease.expiresAt });
    const { file, args } = userShell(process.env);
    let pty: IPty;
    try {
      pty = spawn(file, args, { name: 'xterm-256color', cols: options.cols ?? 100, rows: options.rows ?? 30, cwd: lease.projectPath, env });
    } catch (error) {
      await this.leases.revoke(lease.id, caller, 'shell failed to start');
      throw new ContractFailure('INTERNAL', `could not start ${file}: ${error instanceof Error ? error.message : 'error'}`);
    }
    const id = 'sh_' + randomBytes(6).toString('hex');
    const shell: Shell = {
      info: { id, leaseId: lease.id, project: lease.project, cwd: lease.projectPath, pid: pty.pid, startedAt: new Date().toISOString(), exited: false, exitCode: null },
      pty,
      masker: createTextMasker(this.leases.secretValues(lease.id)),
      scrollback: '',
      attached: new Set(),
      idleTimer: null,
    };
    this.shells.set(id, shell);
    pty.onData((data) => this.output(shell, shell.masker.push(data)));
    pty.onExit(({ exitCode }) => void this.exited(shell, exitCode));
    this.output(shell, banner(`${lease.project}: ${Object.keys(created.env).length} secrets injected until ${lease.expiresAt} (lease ${lease.id})`));
    this.logger.info('shell.opened', { shell: id, lease: lease.id });
    return shell.info;
  }

  list(): ShellInfo[] {
    return [...this.shells.values()].map((s) => s.info);
  }

  attach(id: string, connectionId: number): { shell: ShellInfo; scrollback: string } {
    const shell = this.require(id);
    shell.attached.add(connectionId);
    return { shell: shell.info, scrollback: shell.scrollback };
  }

  input(id: string, data: string): void {
    const shell = this.require(id);
    if (shell.info.exited) throw new ContractFailure('LEASE_ENDED', 'this shell has exited');
    shell.pty.write(data);
  }

  resize(id: string, cols: number, rows: number): void {
    const shell = this.require(id);
    if (!shell.info.exited) shell.pty.resize(cols, rows);
  }

  async close(id: string, caller: Caller): Promise<void> {
    const shell = this.require(id);
    if (!shell.info.exited) shell.pty.kill('SIGHUP');
    await this.leases.revoke(shell.info.leaseId, caller, 'shell closed');
  }

  /** Lease events: warn before expiry, and end (or keep with stubs only) at the end. */
  leaseExpiring(lease: LeaseInfo, secondsLeft: number): void {
    for (const shell of this.byLease(lease.id)) this.output(shell, banner(`lease expires in ${secondsLeft}s — run \`latch renew\` to extend it`));
  }

  leaseEnded(lease: LeaseInfo): void {
    for (const shell of this.byLease(lease.id)) {
      if (shell.info.exited) continue;
      if (lease.onExpiry === 'stub-only') {
        this.output(shell, banner(`lease ${lease.state}: dynamic credentials revoked; this shell keeps its stub values only`));
      } else {
        this.output(shell, banner(`lease ${lease.state} (${lease.endReason ?? ''}): ending this shell`));
        shell.pty.kill('SIGHUP');
      }
    }
  }

  closeAll(): void {
    for (const shell of this.shells.values()) if (!shell.info.exited) shell.pty.kill('SIGHUP');
  }

  private byLease(leaseId: string): Shell[] {
    return [...this.shells.values()].filter((s) => s.info.leaseId === leaseId);
  }

  private require(id: string): Shell {
    const shell = this.shells.get(id);
    if (!shell) throw new ContractFailure('NOT_FOUND', `no shell ${id}`);
    return shell;
  }

  private output(shell: Shell, data: string): void {
    if (shell.idleTimer) clearTimeout(shell.idleTimer);
    shell.idleTimer = setTimeout(() => {
      shell.idleTimer = null;
      const held = shell.masker.flush();
      if (held !== '') this.deliver(shell, held);
    }, IDLE_FLUSH_MS);
    if (data !== '') this.deliver(shell, data);
  }

  private deliver(shell: Shell, data: string): void {
    shell.scrollback = (shell.scrollback + data).slice(-SCROLLBACK_CHARS);
    if (shell.attached.size > 0) this.events.emit('shell.output', { shell: shell.info.id, data }, shell.attached);
  }

  private async exited(shell: Shell, exitCode: number): Promise<void> {
    shell.info = { ...shell.info, exited: true, exitCode };
    const held = shell.masker.flush();
    if (held !== '') this.deliver(shell, held);
    this.events.emit('shell.exited', { shell: shell.info.id, exitCode, reason: 'exited' }, shell.attached);
    await this.leases.revoke(shell.info.leaseId, { actor: 'latch', client: 'broker' }, 'shell exited').catch(() => undefined);
    this.logger.info('shell.exited', { shell: shell.info.id, exitCode });
  }
}
