import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { openConnection } from './api/open-connection';
import { App } from './app/App';
import { parseHash } from './app/routes';
import { prefetchTokens } from './features/tokens';
import './styles/app.css';

// `latch ui` signs the browser in at /login?token=… and answers with the app itself: the spent
// token leaves the address bar and the history.
if (window.location.pathname.endsWith('/login')) window.history.replaceState(null, '', `./${window.location.hash}`);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const connection = openConnection();
// The landing page's data travels while React renders the first frame.
if (parseHash(window.location.hash).page === 'tokens') prefetchTokens(connection.api);
// The first render runs now, not in a later task: with the token list embedded in the page
// (see shared/contract/boot.ts) the landing page is complete in it.
const reactRoot = createRoot(root);
flushSync(() =>
  reactRoot.render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  ),
);
