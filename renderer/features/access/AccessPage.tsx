import { PlannedPage } from '../../ui/PlannedPage';

/** Access: temporary production access requests and approvals. Filled in by the access issue. */
export function AccessPage() {
  return (
    <PlannedPage
      id="access"
      icon="userCheck"
      title="Access"
      summary="Temporary production access: request it with a reason, a reviewer approves, it ends on its own."
      willShow={[
        'Your requests: what, why, for how long, and their state (pending, approved, expired)',
        'Requests waiting for your review, to approve or deny',
        'Active grants with the time left, and a button to end one early',
      ]}
      cli={[
        { command: 'latch access request SECRET --for 1h --reason TEXT', does: 'ask for temporary access' },
        { command: 'latch access ls', does: 'list requests and active grants' },
        { command: 'latch access approve ID', does: 'approve a request as a reviewer' },
      ]}
    />
  );
}
