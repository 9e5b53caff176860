import { useCallback, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import { useApi } from '../../api/connection-context';
import { routeHref } from '../../app/routes';

/**
 * shell.open for a project, then off to the Shells page with that shell. Failures stay here,
 * next to their cause (e.g. NOT_FOUND naming the `latch token add` still to run).
 */
export function useOpenShell(): {
  open(project: string, environment: string | null): Promise<void>;
  opening: boolean;
  failure: ContractError | null;
  clear(): void;
} {
  const api = useApi();
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);

  const open = useCallback(
    async (project: string, environment: string | null) => {
      setOpening(true);
      setFailure(null);
      const result = await api.call('shell.open', environment ? { project, environment } : { project });
      setOpening(false);
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      window.location.hash = routeHref('shells', { shell: result.value.id });
    },
    [api],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { open, opening, failure, clear };
}
