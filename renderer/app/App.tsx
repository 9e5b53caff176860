import { useEffect, useRef } from 'react';
import type { Connection } from '../api/connection';
import { ConnectionProvider, useConnectionSnapshot } from '../api/connection-context';
import { ClipboardProvider } from '../clipboard/ClipboardProvider';
import { embeddedTokens } from '../features/tokens';
import { ToastProvider } from '../ui/Toasts';
import { ConnectionBanner, ConnectionGate } from './ConnectionNotice';
import { ConnectionPill } from './ConnectionPill';
import { Logo } from './Logo';
import { PageView } from './pages';
import { PAGES, routeHref } from './routes';
import { Sidebar } from './Sidebar';
import { useRoute } from './use-route';

function Shell() {
  const route = useRoute();
  const { epoch, state } = useConnectionSnapshot();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Pages wait for the first connection, except the landing page when `latch ui` embedded its
  // data in the page: it shows at once, while the connection opens.
  const startsWithData = useRef(route.page === 'tokens' && embeddedTokens() !== undefined);
  const gated = epoch === 0 && !(startsWithData.current && state.kind === 'connecting');

  useEffect(() => {
    const label = PAGES.find((p) => p.id === route.page)?.label ?? 'Latch';
    document.title = `${label} — Latch`;
    // Move focus to the new page (not on first load) so keyboard and screen-reader users land in it.
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [route.page]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={routeHref('tokens')} aria-label="Latch: tokens">
          <Logo />
          <span>Latch</span>
        </a>
        <ConnectionPill />
      </header>
      <Sidebar current={route.page} />
      <main id="main" ref={main} tabIndex={-1} className="main">
        <ConnectionBanner />
        {gated ? <ConnectionGate /> : <PageView key={route.page} route={route} />}
      </main>
    </div>
  );
}

export function App({ connection }: { connection: Connection }) {
  return (
    <ConnectionProvider connection={connection}>
      <ToastProvider>
        <ClipboardProvider>
          <Shell />
        </ClipboardProvider>
      </ToastProvider>
    </ConnectionProvider>
  );
}
