import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import type { Template, TemplateSection, TemplateValues } from '../../../lib/types';
import { useRetryKey } from '../../../lib/use-retry-key';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { useSendTemplate } from '../hooks/use-conversation';
import { parameterField, previewTemplate } from '../template-fill';

const SECTIONS: TemplateSection[] = ['header', 'body'];

interface Props {
  ticketId: string;
  template: Template;
  onBack(): void;
  onSent(): void;
}

/** One input per placeholder, the text as the customer will read it, and the server's verdict per field. */
export function TemplateForm({ ticketId, template, onBack, onSent }: Props) {
  const { t } = useTranslation();
  const send = useSendTemplate(ticketId);
  const retryKey = useRetryKey();
  const [values, setValues] = useState<TemplateValues>({});
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, button[type="submit"]')?.focus(), []);

  const setValue = (section: TemplateSection, slot: string, value: string) =>
    setValues((current) => ({ ...current, [section]: { ...current[section], [slot]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parameters: TemplateValues = {};
    for (const section of SECTIONS) {
      const slots = template.slots[section];
      if (slots.length > 0) {
        parameters[section] = Object.fromEntries(slots.map((slot) => [slot, values[section]?.[slot] ?? '']));
      }
    }
    const reply = { name: template.name, language: template.language, parameters };
    setError(null);
    send.mutate(
      { ...reply, idempotencyKey: retryKey.keyFor(JSON.stringify(reply)) },
      {
        onSuccess: () => {
          retryKey.clear();
          onSent();
        },
        onError: (cause) => {
          const field = cause instanceof ApiError ? cause.field : null;
          const isOurs = field?.startsWith('parameters.') ?? false;
          setError({
            field: isOurs ? field : null,
            message: isOurs ? cause.message.replace(`${field}: `, '') : cause.message,
          });
          const input = field ? formRef.current?.elements.namedItem(field) : null;
          if (isOurs && input instanceof HTMLElement) {
            input.focus();
          }
        },
      },
    );
  };

  const hasSlots = template.slots.header.length + template.slots.body.length > 0;
  return (
    <form ref={formRef} className="sl-template-form" onSubmit={submit}>
      <p className="sl-template-form__name">
        <strong>{template.name}</strong>{' '}
        <span className="sl-template-option__language">{template.language}</span>
      </p>
      {hasSlots ? null : <p className="sl-text sl-text--muted">{t('templates.noValues')}</p>}
      {SECTIONS.filter((section) => template.slots[section].length > 0).map((section) => (
        <fieldset key={section} className="sl-template-form__section">
          <legend>{t(`templates.${section}`)}</legend>
          {template.slots[section].map((slot) => {
            const field = parameterField(section, slot);
            const invalid = error?.field === field;
            return (
              <label key={slot} className="sl-field">
                <span className="sl-label">{t('templates.value', { slot: `{{${slot}}}` })}</span>
                <input
                  className="sl-input"
                  name={field}
                  dir="auto"
                  value={values[section]?.[slot] ?? ''}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? `${field}-error` : undefined}
                  onChange={(event) => setValue(section, slot, event.target.value)}
                />
                {invalid ? (
                  <span id={`${field}-error`} className="sl-field__error">
                    {error.message}
                  </span>
                ) : null}
              </label>
            );
          })}
        </fieldset>
      ))}
      <section className="sl-template-form__preview" aria-label={t('templates.preview')}>
        <h3 className="sl-template-group__title">{t('templates.preview')}</h3>
        <p dir="auto">{previewTemplate(template, values)}</p>
      </section>
      {error && !error.field ? (
        <ErrorMessage>{t('templates.failed', { message: error.message })}</ErrorMessage>
      ) : null}
      <div className="sl-template-form__actions">
        <Button onClick={onBack}>{t('templates.back')}</Button>
        <Button type="submit" variant="primary" disabled={send.isPending}>
          <Icon name="send" className="sl-mirror" />
          {send.isPending ? t('templates.sending') : t('templates.send')}
        </Button>
      </div>
    </form>
  );
}
