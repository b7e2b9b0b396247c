import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../lib/i18n';
import { LANGUAGES, type Language } from '../../../lib/types';
import { SelectField } from '../../../ui/SelectField';

/** Language choice before sign-in (stored locally); after sign-in the profile menu persists it. */
export function LanguagePicker({ onChange }: { onChange?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? 'en') as Language;
  return (
    <SelectField
      label={t('auth.language')}
      value={current}
      onChange={(value) => {
        const language = value as Language;
        if (onChange) {
          onChange(language);
        } else {
          void i18n.changeLanguage(language);
        }
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </SelectField>
  );
}
