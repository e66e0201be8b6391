import { DESK_LANGUAGES, useDeskLanguage, useDeskT } from '../i18n/deskMessages.ts';

const NAMES = { en: 'English', 'zh-CN': '中文', ko: '한국어' } as const;

/** Picks the desk's UI language. */
export function LanguagePicker() {
  const t = useDeskT();
  const { language, setLanguage } = useDeskLanguage();
  return (
    <label className="language">
      {t('language')}
      <select
        aria-label={t('language')}
        value={language}
        onChange={(e) => setLanguage(DESK_LANGUAGES.find((l) => l === e.target.value) ?? 'en')}
      >
        {DESK_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
