import type { FindingInfo, FixAction } from '../../../shared/contract/schemas/workspaces';
import { Icon } from '../../ui/Icon';
import { FIX_HELP, FIX_ICON, FIX_LABEL, orderedFixes } from './fix-actions';
import { location } from './finding-model';

/** One button per fix the broker offers for this finding; move to keychain is the primary one. */
export function FixButtons({ finding, busy, onFix }: { finding: FindingInfo; busy: boolean; onFix(action: FixAction): void }) {
  const fixes = orderedFixes(finding.fixes);
  if (fixes.length === 0) return null;
  return (
    <div className="ws-fixes" role="group" aria-label={`Fixes for ${location(finding)}`}>
      {fixes.map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'move-to-keychain' ? 'button button-small button-primary' : 'button button-small'}
          disabled={busy}
          onClick={() => onFix(action)}
          title={FIX_HELP[action]}
          data-testid={`fix-${action}`}
        >
          <Icon name={FIX_ICON[action]} size={14} />
          {FIX_LABEL[action]}
        </button>
      ))}
    </div>
  );
}
