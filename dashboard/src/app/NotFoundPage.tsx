import { useTranslation } from 'react-i18next';
import { navigate } from '../lib/router';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('app.notFound')}>
      <Button onClick={() => navigate('/')}>{t('app.goHome')}</Button>
    </EmptyState>
  );
}
