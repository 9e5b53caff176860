import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import { PageHeader } from './PageHeader';

export interface PlannedPageProps {
  id: string;
  icon: IconName;
  title: string;
  summary: string;
  /** What this page will list once its feature lands. */
  willShow: readonly string[];
  /** The terminal equivalent, one command per line. */
  cli: readonly { command: string; does: string }[];
  children?: ReactNode;
}

/** A real page whose feature is still to come: says what will appear here and how to do it today. */
export function PlannedPage({ id, icon, title, summary, willShow, cli, children }: PlannedPageProps) {
  return (
    <section className="page" data-testid={`page-${id}`} aria-labelledby={`page-title-${id}`}>
      <PageHeader id={id} title={title} subtitle={summary} />
      <div className="planned" data-testid="empty-state">
        <div className="planned-main">
          <span className="state-icon">
            <Icon name={icon} size={28} />
          </span>
          <h2>Nothing here yet</h2>
          <p className="muted">When this part of Latch is enabled, this page will show:</p>
          <ul className="planned-list">
            {willShow.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {children}
        </div>
        <aside className="planned-cli" aria-label="From the terminal">
          <h3>From the terminal</h3>
          <p className="planned-cli-note">Planned commands, arriving with this page.</p>
          <dl>
            {cli.map(({ command, does }) => (
              <div key={command} className="cli-line">
                <dt>
                  <code>{command}</code>
                </dt>
                <dd>{does}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </section>
  );
}
