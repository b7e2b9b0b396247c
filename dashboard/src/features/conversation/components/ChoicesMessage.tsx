import { useTranslation } from 'react-i18next';
import type { ChoicesContent } from '../../../lib/types';
import { RichText } from './RichText';

function Chips({
  label,
  items,
}: {
  label: string;
  items: { id: string; title: string; description?: string }[];
}) {
  return (
    <ul className="sl-choices__chips" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="sl-choices__chip" dir="auto" title={item.description}>
          {item.title}
        </li>
      ))}
    </ul>
  );
}

/** Reply buttons or a list the customer was offered; drawn as chips, since only the customer can tap them. */
export function ChoicesMessage({ content }: { content: ChoicesContent }) {
  const { t } = useTranslation();
  return (
    <div className="sl-choices">
      {content.header ? <strong dir="auto">{content.header}</strong> : null}
      <RichText text={content.body} />
      {content.footer ? <p className="sl-text sl-text--muted">{content.footer}</p> : null}
      {content.style === 'buttons' ? (
        <Chips label={t('content.choices.buttons')} items={content.buttons ?? []} />
      ) : (
        <>
          <span className="sl-message-label">
            {t('content.choices.list', { label: content.buttonLabel ?? '' })}
          </span>
          {(content.sections ?? []).map((section, index) => (
            <Chips
              // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never reorders its sections
              key={index}
              label={section.title ?? t('content.choices.options')}
              items={section.rows}
            />
          ))}
        </>
      )}
    </div>
  );
}
