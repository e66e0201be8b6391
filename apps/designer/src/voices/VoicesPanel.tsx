import { voicesForLocale, type FlowDocument, type VoiceChoice } from '@omniflow/flow-schema';
import { useFlowStore } from '../store/useFlowStore.ts';
import { useVoicesT } from './voicesMessages.ts';

/**
 * The flow's voice per locale (issue 20): the Twilio `<Say>` voice and the voice gateway's flite/espeak-ng voice, from
 * the catalog of the locale's language. A voice the catalog does not have (a hand-edited document) is shown with the
 * allowed ones, as publishing would refuse it (FLOW061). Every change is one undoable edit of the flow.
 */
export function VoicesPanel() {
  const t = useVoicesT();
  const flow = useFlowStore((s) => s.flow);
  if (!flow) return null;
  return (
    <section className="voices-panel" aria-label={t('voices')}>
      <h3>{t('voices')}</h3>
      <p className="muted">{t('voicesHelp')}</p>
      {flow.locales.map((locale) => {
        const catalog = voicesForLocale(locale);
        const chosen = flow.settings?.voices?.[locale] ?? {};
        if (!catalog)
          return (
            <p key={locale} className="muted" data-locale={locale}>
              {t('noVoices', { locale })}
            </p>
          );
        const kinds = [
          { kind: 'twilio' as const, label: t('twilioVoice'), allowed: catalog.twilio.voices },
          { kind: 'local' as const, label: t('localVoice'), allowed: catalog.local },
        ];
        return (
          <fieldset key={locale} className="voices-locale" data-locale={locale}>
            <legend>{locale}</legend>
            {kinds.map(({ kind, label, allowed }) => {
              const value = chosen[kind] ?? '';
              const unknown = value !== '' && !allowed.includes(value);
              return (
                <label key={kind} className="voices-choice" data-kind={kind}>
                  {label}
                  <select
                    aria-label={`${label} (${locale})`}
                    aria-invalid={unknown}
                    value={value}
                    onChange={(e) => setVoice(locale, kind, e.target.value)}
                  >
                    <option value="">{t('defaultVoice', { voice: allowed[0] ?? t('noVoice') })}</option>
                    {unknown && <option value={value}>{value}</option>}
                    {allowed.map((voice) => (
                      <option key={voice} value={voice}>
                        {voice}
                      </option>
                    ))}
                  </select>
                  {unknown && (
                    <span className="voices-problem" role="alert">
                      {t('unknownVoice', { voice: value, locale, allowed: allowed.join(', ') })}
                    </span>
                  )}
                </label>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}

/** Chooses (or, with '', drops) one locale's voice of one kind; empty choices leave no trace in the document. */
function setVoice(locale: string, kind: keyof VoiceChoice, voice: string): void {
  useFlowStore.getState().edit((flow) => withVoice(flow, locale, kind, voice), `voice-${locale}-${kind}`);
}

/** The flow with one voice choice set or removed. */
export function withVoice(flow: FlowDocument, locale: string, kind: keyof VoiceChoice, voice: string): FlowDocument {
  const voices = { ...flow.settings?.voices };
  const choice: VoiceChoice = { ...voices[locale] };
  if (voice === '') delete choice[kind];
  else choice[kind] = voice;
  if (Object.keys(choice).length === 0) delete voices[locale];
  else voices[locale] = choice;
  const { voices: _old, ...settings } = flow.settings ?? {};
  const nextSettings = Object.keys(voices).length === 0 ? settings : { ...settings, voices };
  const { settings: _settings, ...rest } = flow;
  return Object.keys(nextSettings).length === 0 ? rest : { ...rest, settings: nextSettings };
}
