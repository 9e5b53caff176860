import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract/errors';
import type { ShellInfo } from '../../../shared/contract/schemas/leases';
import { useApi, useConnectionSnapshot } from '../../api/connection-context';
import { ErrorBanner } from '../../ui/States';
import { chunkInput } from './lease-format';
import { TERMINAL_FONT_FAMILY, TERMINAL_FONT_SIZE, terminalTheme } from './terminal-theme';
import './xterm-csp.css';
import './xterm-palette.css';

interface ShellTerminalProps {
  shell: ShellInfo;
  /** No more typing: the shell exited or its lease ended. */
  ended: boolean;
  /** Put the keyboard in the terminal once it is attached. */
  autoFocus?: boolean;
}

/**
 * xterm.js on a broker shell: shell.attach (scrollback, then shell.output events on this
 * connection, already masked by the broker), keystrokes to shell.input, and the fit addon
 * sizing the pty with shell.resize. Re-attaches after a reconnection (a new connection must
 * attach again to receive output). Mount it with `key={shell.id}`.
 */
export function ShellTerminal({ shell, ended, autoFocus = false }: ShellTerminalProps) {
  const api = useApi();
  const { epoch } = useConnectionSnapshot();
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  const attached = useRef(false);
  const endedRef = useRef(ended);
  endedRef.current = ended;
  const focusOnAttach = useRef(autoFocus);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const shellId = shell.id;

  // The terminal itself, for the component's lifetime.
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const term = new Terminal({
      fontFamily: TERMINAL_FONT_FAMILY,
      fontSize: TERMINAL_FONT_SIZE,
      theme: terminalTheme(),
      cursorBlink: false,
      scrollback: 5000,
      disableStdin: endedRef.current,
    });
    const fitAddon = new FitAddon();
    term.loadAddon(fitAddon);
    term.open(element);
    // xterm's renderer writes its colours and sizes into <style> elements, which our CSP
    // (style-src 'self') refuses to apply: the same rules are in xterm-csp.css. Drop the inert
    // elements so each later update does not log another CSP violation.
    for (const style of element.querySelectorAll('style')) style.remove();
    // Tab belongs to the shell (completion); Shift+Tab leaves the terminal so keyboard users are never trapped.
    term.attachCustomKeyEventHandler((event) => !(event.key === 'Tab' && event.shiftKey));
    const typing = term.onData((data) => {
      if (endedRef.current) return;
      for (const chunk of chunkInput(data)) void api.call('shell.input', { shell: shellId, data: chunk });
    });
    const resizing = term.onResize(({ cols, rows }) => {
      if (attached.current && !endedRef.current) void api.call('shell.resize', { shell: shellId, cols, rows });
    });
    terminal.current = term;

    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (element.clientWidth > 0 && element.clientHeight > 0) fitAddon.fit();
      });
    };
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    refit();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      typing.dispose();
      resizing.dispose();
      terminal.current = null;
      term.dispose();
    };
  }, [api, shellId]);

  // Attach on mount and again after every reconnection.
  useEffect(() => {
    const term = terminal.current;
    if (!term) return undefined;
    let live = false;
    let cancelled = false;
    // Output that arrives before attach answers is already in its scrollback: drop it.
    const offOutput = api.on('shell.output', ({ shell: id, data }) => {
      if (id === shellId && live) term.write(data);
    });
    void api.call('shell.attach', { shell: shellId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      setFailure(null);
      term.reset();
      term.write(result.value.scrollback);
      live = true;
      attached.current = true;
      setReady(true);
      if (!result.value.shell.exited) {
        void api.call('shell.resize', { shell: shellId, cols: term.cols, rows: term.rows });
        if (focusOnAttach.current) term.focus();
      }
      focusOnAttach.current = false;
    });
    return () => {
      cancelled = true;
      attached.current = false;
      offOutput();
    };
  }, [api, shellId, epoch]);

  useEffect(() => {
    const term = terminal.current;
    if (!term) return;
    term.options.disableStdin = ended;
    if (ended) {
      term.blur();
      term.write('\x1b[?25l'); // hide the cursor: nothing more can be typed here
    }
  }, [ended]);

  return (
    <div className="terminal-frame">
      {failure ? <ErrorBanner error={failure} title="Could not attach to this shell." /> : null}
      <div
        ref={host}
        className={ended ? 'shell-terminal shell-terminal-ended' : 'shell-terminal'}
        role="group"
        aria-label={`Terminal: ${shell.project} (${shell.cwd})`}
        data-testid="terminal"
        data-ready={ready ? 'true' : 'false'}
        data-ended={ended ? 'true' : 'false'}
      />
    </div>
  );
}
