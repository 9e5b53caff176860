import Libsql from 'libsql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrokerClient } from '../../electron/cli/broker-client';
import { makeLatchHome, requireKeyring, runLatch, type LatchHome } from './support/latch-home';

/** An attacker with write access to the data folder: drops the append-only triggers and edits. */
function tamper(home: LatchHome, sql: string): void {
  const db = new Libsql(home.dbPath);
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  db.exec(sql);
  db.close();
}

async function seed(home: LatchHome): Promise<void> {
  for (const name of ['a', 'b', 'c']) expect((await runLatch(home, ['token', 'add', name], `${name}-value-1234`)).code).toBe(0);
  expect((await runLatch(home, ['token', 'reveal', 'b'])).code).toBe(0);
}

describe('audit chain', () => {
  let home: LatchHome;
  beforeAll(() => requireKeyring());
  afterEach(async () => home.cleanup());

  it('verifies an untouched log', async () => {
    home = makeLatchHome();
    await seed(home);
    const verify = await runLatch(home, ['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toEqual({ ok: true, checked: 4, firstBadSeq: null, problem: null });
  });

  it('refuses UPDATE and DELETE through SQL while the triggers stand', async () => {
    home = makeLatchHome();
    await seed(home);
    const db = new Libsql(home.dbPath);
    expect(() => db.exec("UPDATE audit SET outcome = 'denied' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit WHERE seq = 1')).toThrow(/append-only/);
    db.close();
  });

  it.each([
    ['an edited row', "UPDATE audit SET target = 'zzz' WHERE seq = 2", 2, 'entry #2 was modified'],
    ['a deleted middle row', 'DELETE FROM audit WHERE seq = 2', 2, 'entry #2 is missing'],
    ['a deleted last row', 'DELETE FROM audit WHERE seq = 4', 4, 'entries #4..#4 were deleted from the end'],
    ['a re-chained edit', "UPDATE audit SET detail = 'x', hash = prev_hash WHERE seq = 3", 3, 'entry #3 was modified'],
  ])('detects %s', async (_label, sql, seq, problem) => {
    home = makeLatchHome();
    await seed(home);
    await runLatch(home, ['daemon', 'stop']);
    tamper(home, sql);
    const verify = await runLatch(home, ['audit', 'verify', '--json']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout) as { ok: boolean; firstBadSeq: number; problem: string };
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(seq);
    expect(report.problem).toContain(problem);
    const text = await runLatch(home, ['audit', 'verify']);
    expect(text.stderr).toMatch(/^latch: audit log TAMPERED: /);
  });
});

describe('concurrency', () => {
  let home: LatchHome;
  afterEach(async () => home.cleanup());

  it('50 clients adding and reading tokens at once lose nothing', async () => {
    home = makeLatchHome();
    expect((await runLatch(home, ['daemon', 'start'])).code).toBe(0);
    const clients = await Promise.all(Array.from({ length: 50 }, () => BrokerClient.connect(home.socketPath, 'test')));
    const values = clients.map((_, i) => `concurrent-${i}-${Math.random().toString(36).slice(2)}`);
    const adds = await Promise.all(clients.map((client, i) => client.call('token.add', { name: `c-${i}`, value: values[i] as string })));
    expect(adds.filter((r) => !r.ok)).toEqual([]);
    // Everyone reads everyone else's token at the same time.
    const reads = await Promise.all(
      clients.flatMap((client, i) => [0, 17, 33].map((offset) => client.call('token.reveal', { name: `c-${(i + offset) % 50}` }))),
    );
    reads.forEach((read, k) => {
      const i = Math.floor(k / 3);
      const offset = [0, 17, 33][k % 3] as number;
      expect(read).toEqual({ ok: true, value: { name: `c-${(i + offset) % 50}`, value: values[(i + offset) % 50] } });
    });
    // Racing adds of one name: exactly one wins, the others get CONFLICT.
    const race = await Promise.all(clients.slice(0, 10).map((client, i) => client.call('token.add', { name: 'contested', value: `v-${i}-xyz` })));
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(9);
    const list = await clients[0]!.call('token.list', {});
    expect(list.ok && list.value.length).toBe(51);
    for (const client of clients) client.close();
    const verify = await runLatch(home, ['audit', 'verify', '--json']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 50 + 150 + 1 });
  });
});
