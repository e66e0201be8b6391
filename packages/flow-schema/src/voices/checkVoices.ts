import { jsonPointer } from '../jsonPointer.ts';
import type { ValidationContext } from '../validation/validationContext.ts';
import { voicesForLocale } from './voiceCatalog.ts';

/**
 * Reports FLOW061 for each voice of `settings.voices` that is not in the catalog of its locale's language (the
 * message lists the allowed ones), and for a locale the flow does not declare (FLOW031).
 */
export function checkVoices(context: ValidationContext): void {
  const { flow } = context;
  for (const [locale, choice] of Object.entries(flow.settings?.voices ?? {})) {
    const pointer = jsonPointer('settings', 'voices', locale);
    if (!flow.locales.includes(locale)) {
      context.report(
        'FLOW031',
        pointer,
        `a voice is chosen for ${locale}, which the flow does not declare (${flow.locales.join(', ')}); remove it or add the locale`,
      );
      continue;
    }
    const catalog = voicesForLocale(locale);
    for (const kind of ['twilio', 'local'] as const) {
      const voice = choice[kind];
      if (voice === undefined) continue;
      const allowed = kind === 'twilio' ? (catalog?.twilio.voices ?? []) : (catalog?.local ?? []);
      if (allowed.includes(voice)) continue;
      const where = kind === 'twilio' ? 'Twilio' : 'the voice gateway';
      context.report(
        'FLOW061',
        `${pointer}/${kind}`,
        allowed.length === 0
          ? `no ${where} voice can be chosen for ${locale}; remove "${voice}" to use the default`
          : `"${voice}" is not a ${where} voice for ${locale}; choose one of: ${allowed.join(', ')}`,
        undefined,
        { keyword: 'voice', params: { voice, allowed: allowed.join(', ') } },
      );
    }
  }
}
