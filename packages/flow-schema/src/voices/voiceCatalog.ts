import type { Locale } from '../flowDocument.ts';

/** The voices one language can be spoken in: on Twilio (`<Say voice>`) and by the runtime's own synthesizers. */
export interface LanguageVoices {
  /** Twilio `<Say>` voices (Amazon Polly through Twilio) and the `language` Twilio wants with them. */
  twilio: { voices: readonly string[]; language: string };
  /** `engine/voice` of the voice gateway's synthesizers (flite, espeak-ng) installed by the runtime's packages. */
  local: readonly string[];
}

/**
 * The voices a flow may choose per locale, by language. The first of each list is the default: what the runtime
 * speaks when the flow chooses nothing.
 */
export const VOICE_CATALOG: Readonly<Record<string, LanguageVoices>> = {
  en: {
    twilio: {
      voices: [
        'Polly.Joanna',
        'Polly.Matthew',
        'Polly.Salli',
        'Polly.Joey',
        'Polly.Kendra',
        'Polly.Kimberly',
        'Polly.Ivy',
        'Polly.Justin',
        'Polly.Joanna-Neural',
        'Polly.Matthew-Neural',
        'Polly.Ruth-Neural',
        'Polly.Stephen-Neural',
      ],
      language: 'en-US',
    },
    local: [
      'flite/slt',
      'flite/kal16',
      'flite/kal',
      'flite/awb',
      'flite/rms',
      'espeak-ng/en-us',
      'espeak-ng/en-gb',
      'espeak-ng/en-gb-scotland',
      'espeak-ng/en-gb-x-rp',
      'espeak-ng/en-029',
    ],
  },
  zh: {
    twilio: { voices: ['Polly.Zhiyu', 'Polly.Zhiyu-Neural'], language: 'cmn-CN' },
    local: ['espeak-ng/cmn-latn-pinyin'],
  },
  ko: {
    twilio: { voices: ['Polly.Seoyeon', 'Polly.Seoyeon-Neural'], language: 'ko-KR' },
    local: ['espeak-ng/ko'],
  },
};

/** The voices of a locale's language (`zh-CN` → `zh`), or undefined when Omniflow ships none for it. */
export function voicesForLocale(locale: Locale): LanguageVoices | undefined {
  const language = (locale.split(/[-_]/u)[0] ?? '').toLowerCase();
  return Object.hasOwn(VOICE_CATALOG, language) ? VOICE_CATALOG[language] : undefined;
}
