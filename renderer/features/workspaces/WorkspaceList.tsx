import { Fragment } from 'react';
import type { WorkspaceInfo } from '../../../shared/contract/schemas/workspaces';
import { formatDateTime, formatRelative, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { baseName } from './finding-model';
import { splitProblem } from './problem-text';
import { WorkspaceStatusBadge } from './WorkspaceStatusBadge';

const SOURCE_LABEL: Record<WorkspaceInfo['source'], string | null> = {
  user: null,
  project: 'from a project',
  vscode: 'open in VS Code',
};

function ProblemText({ problem }: { problem: string }) {
  const { text, command } = splitProblem(problem);
  return (
    <>
      <strong>Not watched live. </strong>
      <span data-testid="workspace-problem-text">{text}</span>
      {command ? (
        <>
          {' '}
          <code className="ws-command">{command}</code>
        </>
      ) : null}
    </>
  );
}

interface WorkspaceListProps {
  workspaces: readonly WorkspaceInfo[];
  now: number;
  onShowFindings(path: string): void;
  onRemove(workspace: WorkspaceInfo): void;
}

/** Watched folders: watcher state (a degraded watcher says why and what to do), files, open findings. */
export function WorkspaceList({ workspaces, now, onShowFindings, onRemove }: WorkspaceListProps) {
  return (
    <div className="table-wrap">
      <table className="table ws-table" data-testid="workspace-table">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Watcher</th>
            <th scope="col" className="num">
              Files
            </th>
            <th scope="col" className="num">
              Open
            </th>
            <th scope="col">Last scan</th>
            <th scope="col" className="th-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {workspaces.map((ws) => {
            const source = SOURCE_LABEL[ws.source];
            return (
              <Fragment key={ws.path}>
                <tr
                  data-testid="workspace-row"
                  data-path={ws.path}
                  data-watching={String(ws.watching)}
                  className={ws.problem ? 'ws-row-with-problem' : undefined}
                >
                  <td className="ws-folder">
                    <span className="ws-folder-name">
                      <Icon name="folder" />
                      {baseName(ws.path)}
                      {source ? <span className="chip">{source}</span> : null}
                    </span>
                    <span className="path mono muted" data-testid="workspace-path">
                      {ws.path}
                    </span>
                  </td>
                  <td>
                    <WorkspaceStatusBadge workspace={ws} />
                  </td>
                  <td className="num" data-testid="workspace-files">
                    {ws.files.toLocaleString()}
                  </td>
                  <td className="num">
                    {ws.openFindings > 0 ? (
                      <button
                        type="button"
                        className="ws-open-count"
                        onClick={() => onShowFindings(ws.path)}
                        title="Show this folder's open findings"
                        aria-label={`${plural(ws.openFindings, 'open finding')} in ${ws.path}: show them`}
                        data-testid="workspace-open"
                      >
                        {ws.openFindings}
                      </button>
                    ) : (
                      <span className="ws-zero" data-testid="workspace-open">
                        0
                      </span>
                    )}
                  </td>
                  <td className="nowrap">
                    {ws.scannedAt ? (
                      <time dateTime={ws.scannedAt} title={formatDateTime(ws.scannedAt)}>
                        {formatRelative(ws.scannedAt, now)}
                      </time>
                    ) : (
                      <span className="muted">scanning…</span>
                    )}
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="icon-button icon-button-danger"
                      onClick={() => onRemove(ws)}
                      aria-label={`Stop watching ${ws.path}`}
                      title="Stop watching"
                      data-testid="workspace-remove"
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
                {ws.problem ? (
                  <tr className="ws-problem-row" data-path={ws.path}>
                    <td colSpan={6}>
                      <div className="banner banner-warn ws-problem" role="note" data-testid="workspace-problem">
                        <Icon name="alert" />
                        <div className="banner-text">
                          <ProblemText problem={ws.problem} />
                        </div>
                      </div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
