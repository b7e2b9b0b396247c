import { navigate } from '../../../lib/router';
import { useSecurityT } from './use-security-t';

/** The header's way into the security page (every role has a tab there: two-factor sign-in). */
export function SecurityLink() {
  const t = useSecurityT();
  return (
    <a
      className="sl-security-link"
      href="/security"
      onClick={(event) => {
        event.preventDefault();
        navigate('/security');
      }}
    >
      {t('nav')}
    </a>
  );
}
