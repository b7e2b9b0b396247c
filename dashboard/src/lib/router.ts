/** A small history router: the location lives in an atom; routes are matched by pattern. */
import { atom, useAtomValue } from './state';

export interface Location {
  pathname: string;
  search: string;
}

function readLocation(): Location {
  if (typeof window === 'undefined') {
    return { pathname: '/', search: '' };
  }
  return { pathname: window.location.pathname, search: window.location.search };
}

export const locationAtom = atom<Location>(readLocation());

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => locationAtom.set(readLocation()));
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  const current = locationAtom.get();
  if (url.pathname === current.pathname && url.search === current.search) {
    return;
  }
  if (options.replace) {
    window.history.replaceState(null, '', url.pathname + url.search);
  } else {
    window.history.pushState(null, '', url.pathname + url.search);
  }
  locationAtom.set({ pathname: url.pathname, search: url.search });
}

export function useLocation(): Location {
  return useAtomValue(locationAtom);
}

export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return new URLSearchParams(search);
}

/** Replace some query parameters on the current path (empty values are removed). */
export function updateSearch(
  changes: Record<string, string | undefined>,
  options: { replace?: boolean } = {},
) {
  const { pathname, search } = locationAtom.get();
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') {
      params.delete(key);
    } else {
      params.set(key, value);
    }
  }
  const text = params.toString();
  navigate(pathname + (text ? `?${text}` : ''), { replace: options.replace ?? true });
}

export type RouteParams = Record<string, string | undefined>;

/** Match `/inbox/:view/:ticketId?` style patterns; `*` at the end matches the rest. */
export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  const params: RouteParams = {};
  for (let index = 0; index < patternParts.length; index += 1) {
    const part = patternParts[index] as string;
    const value = pathParts[index];
    if (part === '*') {
      params['*'] = pathParts.slice(index).map(decodeURIComponent).join('/');
      return params;
    }
    const optional = part.endsWith('?');
    if (part.startsWith(':')) {
      const name = part.slice(1, optional ? -1 : undefined);
      if (value === undefined) {
        if (optional) {
          continue;
        }
        return null;
      }
      params[name] = decodeURIComponent(value);
    } else if (part !== value) {
      return null;
    }
  }
  return pathParts.length <= patternParts.length ? params : null;
}

/** The path, with the current query string kept (filters survive ticket switches). */
export function withSearch(pathname: string): string {
  return pathname + locationAtom.get().search;
}
