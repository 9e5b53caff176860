import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { routeHref } from '../../app/routes';

export type OpenState = { kind: 'idle' } | { kind: 'opening'; project: string } | { kind: 'failed'; project: string; error: ContractError };

/**
 * `#/shells?project=<id>` (the tray's "Open dev shell"): open a shell for that project once,
 * then replace the address with `#/shells?shell=<id>` so a reload does not open another.
 */
export function useOpenFromRoute(params: Readonly<Record<string, string>>, onOpened: () => void): { state: OpenState; retry(): void } {
  const api = useApi();
  const [state, setState] = useState<OpenState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const handled = useRef<string | null>(null);
  const onOpenedRef = useRef(onOpened);
  onOpenedRef.current = onOpened;
  const project = params.project;
  const environment = params.environment;

  useEffect(() => {
    if (!project) {
      setState({ kind: 'idle' });
      return;
    }
    const request = `${project}\n${environment ?? ''}\n${attempt}`;
    if (handled.current === request) return;
    handled.current = request;
    setState({ kind: 'opening', project });
    void api.call('shell.open', environment ? { project, environment } : { project }).then((result) => {
      if (!result.ok) {
        setState({ kind: 'failed', project, error: result.error });
        return;
      }
      setState({ kind: 'idle' });
      onOpenedRef.current();
      window.location.replace(routeHref('shells', { shell: result.value.id }));
    });
  }, [api, project, environment, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
