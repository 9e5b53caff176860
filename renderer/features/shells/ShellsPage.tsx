import { PlannedPage } from '../../ui/PlannedPage';

/** Shells: leased dev shells (node-pty + xterm). Filled in by the shells/leases issue. */
export function ShellsPage() {
  return (
    <PlannedPage
      id="shells"
      icon="terminal"
      title="Shells"
      summary="Project shells whose injected environment is a short-lived lease, with secrets masked in the output."
      willShow={[
        'Open shells with their project, lease state and time left (renew up to the max TTL)',
        'A terminal per shell; injected values are masked before they reach the screen',
        'Ended leases and the dynamic credentials revoked at their source',
      ]}
      cli={[
        { command: 'latch shell', does: 'open a leased shell for the project in this folder' },
        { command: 'latch run -- npm test', does: 'run one command under a lease' },
        { command: 'latch lease ls', does: 'list active leases and when they expire' },
      ]}
    />
  );
}
