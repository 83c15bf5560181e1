import type { HubRoute } from './route';

export interface RouteMatch {
  route: HubRoute;
  params: Record<string, string>;
}

interface Compiled {
  route: HubRoute;
  segments: string[];
}

/**
 * Routes by method and path with ':name' segments. Exact routes are looked up in a map; the
 * few with parameters are tried in order. Answers 'method' when the path exists with another method.
 */
export function routeMatcher(routes: readonly HubRoute[]): (method: string, path: string) => RouteMatch | 'method' | null {
  const exact = new Map<string, HubRoute>();
  const withParams: Compiled[] = [];
  for (const route of routes) {
    if (route.path.includes('/:')) withParams.push({ route, segments: route.path.split('/') });
    else exact.set(`${route.method} ${route.path}`, route);
  }
  const paths = new Set(routes.map((r) => r.path));
  return (method, path) => {
    const found = exact.get(`${method} ${path}`);
    if (found) return { route: found, params: {} };
    const parts = path.split('/');
    let otherMethod = paths.has(path);
    for (const { route, segments } of withParams) {
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const fits = segments.every((s, i) => {
        if (s.startsWith(':')) {
          try {
            params[s.slice(1)] = decodeURIComponent(parts[i]!);
          } catch {
            return false;
          }
          return parts[i] !== '';
        }
        return s === parts[i];
      });
      if (!fits) continue;
      if (route.method === method) return { route, params };
      otherMethod = true;
    }
    return otherMethod ? 'method' : null;
  };
}
