import type { ReactNode } from 'react';
import { useRegistry } from '../lib/registry';
import { matchPath, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { AppShell } from './AppShell';
import { AuthGate } from './AuthGate';
import { NotFoundPage } from './NotFoundPage';

function useMatchedRoute() {
  const { routes } = useRegistry();
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      return { route, params };
    }
  }
  return null;
}

function RoleCheck({ roles, children }: { roles: string[] | undefined; children: ReactNode }) {
  const me = useCurrentUser();
  if (roles && (!me || !roles.includes(me.role))) {
    return <NotFoundPage />;
  }
  return <>{children}</>;
}

export function RouteView() {
  const matched = useMatchedRoute();
  if (matched?.route.isPublic) {
    const Page = matched.route.component;
    return <Page params={matched.params} />;
  }
  return (
    <AuthGate>
      <AppShell>
        {matched ? (
          <RoleCheck roles={matched.route.roles}>
            <matched.route.component params={matched.params} />
          </RoleCheck>
        ) : (
          <NotFoundPage />
        )}
      </AppShell>
    </AuthGate>
  );
}
