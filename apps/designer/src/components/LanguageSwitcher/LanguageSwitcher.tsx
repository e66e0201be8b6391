import { UI_LANGUAGES, type UiLanguage } from '../../i18n/messages.ts';
import { useT, useUiLanguage } from '../../i18n/useT.ts';

/** Picks the UI language (English, 简体中文, 한국어). */
export function LanguageSwitcher() {
  const t = useT();
  const { language, setLanguage } = useUiLanguage();
  return (
    <label className="language-switcher">
      <span className="sr-only">{t('language')}</span>
      <select aria-label={t('language')} value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
        {UI_LANGUAGES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
