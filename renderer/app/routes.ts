/** Hash routes (`#/tokens`, `#/audit?target=x`) so deep links work over http and custom protocols. */

export const PAGES = [
  { id: 'tokens', label: 'Tokens' },
  { id: 'projects', label: 'Projects' },
  { id: 'shells', label: 'Shells' },
  { id: 'workspaces', label: 'Workspaces' },
  { id: 'access', label: 'Access' },
  { id: 'audit', label: 'Audit' },
  { id: 'health', label: 'Health' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export const DEFAULT_PAGE: PageId = 'tokens';

export interface Route {
  page: PageId;
  params: Readonly<Record<string, string>>;
  /** False when the hash named no known page and we fell back to the default. */
  known: boolean;
}

export function isPageId(value: string): value is PageId {
  return PAGES.some((p) => p.id === value);
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = (queryAt === -1 ? body : body.slice(0, queryAt)).replace(/\/+$/, '');
  const params: Record<string, string> = {};
  if (queryAt !== -1) {
    for (const [key, value] of new URLSearchParams(body.slice(queryAt + 1))) params[key] = value;
  }
  const page = path.split('/')[0] ?? '';
  if (isPageId(page)) return { page, params, known: true };
  return { page: DEFAULT_PAGE, params: {}, known: false };
}

export function routeHref(page: PageId, params: Readonly<Record<string, string | undefined>> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}
