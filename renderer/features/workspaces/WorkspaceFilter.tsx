import { useId } from 'react';
import { shortNames } from './finding-model';

/** Narrow the findings to one workspace (the workspace list's open counts set it too). */
export function WorkspaceFilter({ paths, value, onChange }: { paths: readonly string[]; value: string | null; onChange(path: string | null): void }) {
  const id = useId();
  const names = shortNames(paths);
  return (
    <span className="toolbar-field ws-filter">
      <label htmlFor={id}>Folder</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid="findings-workspace-filter">
        <option value="">All folders</option>
        {paths.map((path) => (
          <option key={path} value={path} title={path}>
            {names.get(path) ?? path}
          </option>
        ))}
      </select>
    </span>
  );
}
