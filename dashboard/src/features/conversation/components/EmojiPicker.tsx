import { type KeyboardEvent, useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../ui/IconButton';
import { useDismiss } from '../../../ui/use-dismiss';

export const EMOJIS = [
  '😀',
  '😊',
  '🙂',
  '😉',
  '😍',
  '🥰',
  '😂',
  '🤣',
  '😅',
  '😇',
  '🤔',
  '🙄',
  '😔',
  '😢',
  '😭',
  '😡',
  '😮',
  '😴',
  '🤝',
  '🙏',
  '👍',
  '👎',
  '👌',
  '👋',
  '👏',
  '💪',
  '🙌',
  '✌️',
  '❤️',
  '💙',
  '💚',
  '💛',
  '🔥',
  '✨',
  '🎉',
  '✅',
  '❌',
  '⚠️',
  '❓',
  '❗',
  '⏳',
  '📦',
  '🚚',
  '📞',
  '📧',
  '📷',
  '📎',
  '🔧',
];

/** A small built-in emoji palette; arrow keys move between emoji, Escape closes. */
export function EmojiPicker({ onPick, disabled }: { onPick(emoji: string): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, panelRef, close, triggerRef);

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const buttons = Array.from(panelRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = document.documentElement.dir === 'rtl';
    const steps: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowDown: 8,
      ArrowUp: -8,
    };
    const step = steps[event.key];
    if (step !== undefined && index >= 0) {
      event.preventDefault();
      buttons[Math.min(Math.max(index + step, 0), buttons.length - 1)]?.focus();
    }
  };

  return (
    <div className="sl-emoji">
      <IconButton
        ref={triggerRef}
        icon="emoji"
        label={t('composer.emoji')}
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        onClick={() => {
          setOpen((value) => !value);
          requestAnimationFrame(() => panelRef.current?.querySelector('button')?.focus());
        }}
      />
      {open ? (
        <fieldset ref={panelRef} id={panelId} className="sl-popover sl-emoji__panel" onKeyDown={onKeyDown}>
          <legend className="sl-visually-hidden">{t('composer.emoji')}</legend>
          {EMOJIS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="sl-emoji__item"
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
