import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { notify } from '../../../lib/toast';
import { type CannedReply, LANGUAGES, type Language } from '../../../lib/types';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { type CannedReplyInput, useDeleteCannedReply, useSaveCannedReply } from '../api';
import { useCannedT } from './use-canned-t';

const PLACEHOLDERS = '{{contact.name}}, {{agent.name}}, {{ticket.number}}';
const EMPTY: CannedReplyInput = { shortcut: '', title: '', body: '', language: null };

type Field = keyof CannedReplyInput;

/** Create or edit one canned reply in a dialog; the server's verdict shows at the field it names. */
export function CannedReplyForm({ reply, onClose }: { reply: CannedReply | null; onClose(): void }) {
  const t = useCannedT();
  const save = useSaveCannedReply();
  const remove = useDeleteCannedReply();
  const [input, setInput] = useState<CannedReplyInput>(reply ?? EMPTY);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);

  const onError = (cause: Error) => {
    const field = cause instanceof ApiError ? cause.field : null;
    setError({ field, message: field ? cause.message.replace(`${field}: `, '') : cause.message });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    save.mutate(
      { id: reply?.id ?? null, input },
      {
        onSuccess: (saved) => {
          notify(t('saved', { shortcut: saved.shortcut }), 'info');
          onClose();
        },
        onError,
      },
    );
  };

  const fieldProps = (field: Exclude<Field, 'language'>) => ({
    name: field,
    value: input[field] ?? '',
    dir: 'auto',
    'aria-invalid': error?.field === field || undefined,
    'aria-describedby': error?.field === field ? `sl-canned-${field}-error` : undefined,
    onChange: (event: { target: { value: string } }) => setInput({ ...input, [field]: event.target.value }),
  });
  const fieldError = (field: Field) =>
    error?.field === field ? (
      <span id={`sl-canned-${field}-error`} className="sl-field__error">
        {error.message}
      </span>
    ) : null;

  return (
    <Dialog
      title={reply ? t('editTitle', { shortcut: reply.shortcut }) : t('newTitle')}
      closeLabel={t('close')}
      onClose={onClose}
    >
      <form className="sl-canned-form" onSubmit={submit}>
        <label className="sl-field">
          <span className="sl-label">{t('shortcut')}</span>
          <input className="sl-input" data-autofocus="" {...fieldProps('shortcut')} />
          <span className="sl-canned-form__hint">{t('shortcutHint')}</span>
          {fieldError('shortcut')}
        </label>
        <label className="sl-field">
          <span className="sl-label">{t('name')}</span>
          <input className="sl-input" {...fieldProps('title')} />
          {fieldError('title')}
        </label>
        <label className="sl-field">
          <span className="sl-label">{t('body')}</span>
          <textarea className="sl-input" rows={5} {...fieldProps('body')} />
          <span className="sl-canned-form__hint">{t('bodyHint', { placeholders: PLACEHOLDERS })}</span>
          {fieldError('body')}
        </label>
        <SelectField
          label={t('language')}
          value={input.language ?? ''}
          onChange={(value) => setInput({ ...input, language: value === '' ? null : (value as Language) })}
        >
          <option value="">{t('anyLanguage')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </SelectField>
        {error && !error.field ? (
          <ErrorMessage>{t('failed', { message: error.message })}</ErrorMessage>
        ) : null}
        <div className="sl-canned-form__actions">
          {reply && !isConfirmingDelete ? (
            <Button variant="ghost" onClick={() => setConfirmingDelete(true)}>
              {t('delete')}
            </Button>
          ) : null}
          {reply && isConfirmingDelete ? (
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(reply.id, {
                  onSuccess: () => {
                    notify(t('deleted', { shortcut: reply.shortcut }), 'info');
                    onClose();
                  },
                  onError,
                })
              }
            >
              {t('confirmDelete', { shortcut: reply.shortcut })}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t('saving') : t('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
