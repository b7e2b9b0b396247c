import { useState } from 'react';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { Button } from '../../../ui/Button';
import { SelectField } from '../../../ui/SelectField';
import { type Article, type ArticleInput, CATEGORIES, KB_LANGUAGES, type KbLanguage } from '../api';
import { useKnowledgeT } from '../use-knowledge-t';
import { TextField } from './TextField';

interface Draft {
  category: string;
  keywords: string;
  errorCodes: string;
  translations: Partial<Record<KbLanguage, { title: string; steps: string }>>;
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function draftOf(article: Article | null): Draft {
  return {
    category: article?.category ?? 'other',
    keywords: article?.keywords.join(', ') ?? '',
    errorCodes: article?.errorCodes.join(', ') ?? '',
    translations: Object.fromEntries(
      (article?.translations ?? [{ language: 'en' as const, title: '', steps: [] }]).map((t) => [
        t.language,
        { title: t.title, steps: t.steps.join('\n') },
      ]),
    ),
  };
}

/** Steps are typed one per line; the server names any field it refuses. */
function inputOf(draft: Draft): ArticleInput {
  return {
    category: draft.category,
    keywords: splitList(draft.keywords),
    errorCodes: splitList(draft.errorCodes),
    translations: KB_LANGUAGES.flatMap((language) => {
      const version = draft.translations[language];
      return version
        ? [
            {
              language,
              title: version.title,
              steps: version.steps
                .split('\n')
                .map((step) => step.trim())
                .filter(Boolean),
            },
          ]
        : [];
    }),
  };
}

/** Create or edit an article: category, keywords, error codes, and a title and steps per language. */
export function ArticleEditor({
  article,
  onSave,
  onCancel,
}: {
  article: Article | null;
  onSave(input: ArticleInput): Promise<void>;
  onCancel(): void;
}) {
  const t = useKnowledgeT();
  const [draft, setDraft] = useState(() => draftOf(article));
  const [busy, setBusy] = useState(false);
  const setVersion = (language: KbLanguage, patch: Partial<{ title: string; steps: string }>) =>
    setDraft((d) => ({
      ...d,
      translations: {
        ...d.translations,
        [language]: { title: '', steps: '', ...d.translations[language], ...patch },
      },
    }));
  const removeVersion = (language: KbLanguage) =>
    setDraft((d) => ({ ...d, translations: { ...d.translations, [language]: undefined } }));
  const submit = async () => {
    setBusy(true);
    try {
      await onSave(inputOf(draft));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="sl-kb-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <SelectField
        label={t('category')}
        value={draft.category}
        onChange={(category) => setDraft({ ...draft, category })}
      >
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`cat.${category}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('keywords')}
        value={draft.keywords}
        onChange={(keywords) => setDraft({ ...draft, keywords })}
      />
      <TextField
        label={t('errorCodes')}
        value={draft.errorCodes}
        onChange={(errorCodes) => setDraft({ ...draft, errorCodes })}
      />
      {KB_LANGUAGES.map((language) => {
        const version = draft.translations[language];
        const name = LANGUAGE_NAMES[language];
        if (!version) {
          return (
            <Button key={language} size="sm" variant="ghost" onClick={() => setVersion(language, {})}>
              {t('addLanguage', { language: name })}
            </Button>
          );
        }
        return (
          <fieldset key={language} className="sl-kb-editor__version" dir={language === 'ar' ? 'rtl' : 'ltr'}>
            <legend>{name}</legend>
            <TextField
              label={`${t('title')} (${language})`}
              value={version.title}
              onChange={(title) => setVersion(language, { title })}
            />
            <TextField
              label={`${t('stepsHint')} (${language})`}
              value={version.steps}
              multiline
              onChange={(steps) => setVersion(language, { steps })}
            />
            <Button size="sm" variant="ghost" onClick={() => removeVersion(language)}>
              {t('removeLanguage', { language: name })}
            </Button>
          </fieldset>
        );
      })}
      <div className="sl-kb-editor__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
