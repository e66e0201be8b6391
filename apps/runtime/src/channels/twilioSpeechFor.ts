import { voicesForLocale } from '@omniflow/flow-schema';

/** How Twilio should hear and speak one locale: the `<Gather>` recognition language and the `<Say>` voice. */
export interface TwilioSpeech {
  /** BCP-47 tag with a region, as `<Gather language>` requires ("en" alone is rejected with warning 13512). */
  gatherLanguage: string;
  sayLanguage: string;
  /** A Twilio `<Say>` voice that speaks the language; null leaves the account's default voice. */
  voice: string | null;
}

/** Regions assumed for a bare language, the ones Omniflow ships prompts for. */
const DEFAULT_REGION: Readonly<Record<string, string>> = { zh: 'CN', ko: 'KR', en: 'US' };

/**
 * Amazon Polly voices through Twilio for the shipped locales; Polly names Mandarin `cmn-CN`. Twilio's default
 * voice (`man`) speaks neither Mandarin nor Korean, so these must be named.
 */
const SAY_VOICES: Readonly<Record<string, { language: string; voice: string }>> = {
  'zh-CN': { language: 'cmn-CN', voice: 'Polly.Zhiyu' },
  'ko-KR': { language: 'ko-KR', voice: 'Polly.Seoyeon' },
  'en-US': { language: 'en-US', voice: 'Polly.Joanna' },
};

/**
 * The Twilio languages and voice for a session locale such as `zh-CN`, `ko` or `en-us`; `chosen` is the flow's voice
 * for the locale (`settings.voices`), used when it is one of the catalog's voices of that language.
 */
export function twilioSpeechFor(locale: string, chosen?: string): TwilioSpeech {
  const [language = 'en', region] = locale.split(/[-_]/u);
  const lower = language.toLowerCase();
  const tag = `${lower}-${(region ?? DEFAULT_REGION[lower] ?? '').toUpperCase()}`.replace(/-$/u, '');
  const catalog = voicesForLocale(tag);
  if (chosen !== undefined && catalog?.twilio.voices.includes(chosen))
    return { gatherLanguage: tag, sayLanguage: catalog.twilio.language, voice: chosen };
  const say = SAY_VOICES[tag];
  return { gatherLanguage: tag, sayLanguage: say?.language ?? tag, voice: say?.voice ?? null };
}
