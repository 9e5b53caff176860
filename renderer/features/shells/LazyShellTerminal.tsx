import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../../ui/States';

// xterm.js is most of a terminal's weight: load it with the first shell, not with the app.
const ShellTerminal = lazy(() => import('./ShellTerminal').then((module) => ({ default: module.ShellTerminal })));

export function LazyShellTerminal(props: ComponentProps<typeof ShellTerminal>) {
  return (
    <Suspense
      fallback={
        <div className="shell-terminal shell-terminal-loading">
          <Loading label="Loading the terminal…" />
        </div>
      }
    >
      <ShellTerminal {...props} />
    </Suspense>
  );
}
