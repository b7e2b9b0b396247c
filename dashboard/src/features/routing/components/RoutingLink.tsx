import { navigate, useLocation } from '../../../lib/router';
import { useCurrentUser } from '../../../lib/session';
import { useRoutingT } from '../use-routing-t';

/** Admins and supervisors reach the routing screen from the header. */
export function RoutingLink() {
  const t = useRoutingT();
  const me = useCurrentUser();
  const { pathname } = useLocation();
  if (!me || (me.role !== 'admin' && me.role !== 'supervisor')) {
    return null;
  }
  return (
    <a
      href="/routing"
      className="sl-routing-link"
      aria-current={pathname.startsWith('/routing') ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        navigate('/routing');
      }}
    >
      {t('link')}
    </a>
  );
}
