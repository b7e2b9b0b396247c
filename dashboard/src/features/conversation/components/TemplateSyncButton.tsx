import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../lib/query-keys';
import { useCurrentUser } from '../../../lib/session';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { syncTemplates } from '../api';

/** Templates approved at Meta a minute ago, without waiting for the hourly sync (admins and supervisors). */
export function TemplateSyncButton() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const sync = useMutation({
    mutationFn: syncTemplates,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.templates }),
  });
  if (me?.role !== 'admin' && me?.role !== 'supervisor') {
    return null;
  }
  return (
    <>
      <Button size="sm" variant="ghost" disabled={sync.isPending} onClick={() => sync.mutate()}>
        {sync.isPending ? t('templates.syncing') : t('templates.sync')}
      </Button>
      {sync.isError ? (
        <ErrorMessage>{t('templates.syncFailed', { message: sync.error.message })}</ErrorMessage>
      ) : null}
    </>
  );
}
