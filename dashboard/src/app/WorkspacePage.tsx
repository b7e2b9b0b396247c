import { useTranslation } from 'react-i18next';
import { ConversationPane } from '../features/conversation';
import { InboxPane } from '../features/inbox';
import { inboxPath, isInboxView } from '../lib/paths';
import { navigate, type RouteParams, withSearch } from '../lib/router';
import { EmptyState } from '../ui/EmptyState';
import { Kbd } from '../ui/Kbd';

/** Inbox and conversation side by side (stacked on narrow screens, one at a time). */
export function WorkspacePage({ params }: { params: RouteParams }) {
  const { t } = useTranslation();
  const view = isInboxView(params.view) ? params.view : 'mine';
  const ticketId = params.ticketId;
  return (
    <div className={`sl-workspace${ticketId ? ' sl-workspace--ticket' : ''}`}>
      <div className="sl-workspace__inbox">
        <InboxPane view={view} selectedId={ticketId} />
      </div>
      <div className="sl-workspace__conversation">
        {ticketId ? (
          <ConversationPane
            key={ticketId}
            ticketId={ticketId}
            onBack={() => navigate(withSearch(inboxPath(view)))}
          />
        ) : (
          <EmptyState title={t('conversation.select')}>
            <p className="sl-workspace__hint">
              {t('conversation.selectHint')} <Kbd shortcut="j" /> <Kbd shortcut="k" /> · <Kbd shortcut="?" />
            </p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
