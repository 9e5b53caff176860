import { useEffect, useState } from 'react';
import { parseHash, routeHref, type Route } from './routes';

/** The current hash route; rewrites an empty or unknown hash to the default page. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const sync = () => {
      const next = parseHash(window.location.hash);
      if (!next.known) {
        window.history.replaceState(null, '', routeHref(next.page));
      }
      setRoute(next);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  return route;
}
