import { navigate } from '../../../lib/router';
import { useMe } from '../../../lib/session';
import { useAnalyticsT } from '../use-analytics-t';

/** The header link to the supervisor view (supervisors and admins only). */
export function AnalyticsLink() {
  const t = useAnalyticsT();
  const me = useMe();
  if (me.data?.role !== 'admin' && me.data?.role !== 'supervisor') {
    return null;
  }
  return (
    <a
      className="sl-analytics__link"
      href="/analytics"
      onClick={(event) => {
        event.preventDefault();
        navigate('/analytics');
      }}
    >
      {t('nav')}
    </a>
  );
}
