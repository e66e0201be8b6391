import type { OutputEvent } from '@omniflow/flow-engine';
import { twilioSpeechFor } from './twilioSpeechFor.ts';
import { promptTwiml } from './promptTwiml.ts';

/** Where the caller's next answer is posted, and how the call is rendered. */
export interface TwimlContext {
  /** Absolute or root-relative URL of the `<Gather>` action. */
  gatherUrl: string;
  locale: string;
  /** `dtmf`: keypad only (an IVR); `voice`: keypad and speech. */
  channel: 'dtmf' | 'voice';
  /** Base URL (`https://runtime.example.com`) that makes a runtime-held recording's path absolute for `<Play>`. */
  publicBase?: string;
  /** A transfer the contact center took: the caller waits on `waitUrl` and `action` runs when they leave the queue. */
  enqueue?: { waitUrl: string; action: string };
}

/**
 * Renders one turn's outputs as TwiML: `<Say>` for speech, `<Gather>` (keypad, speech with hints, keypad only for
 * sensitive prompts) when input is expected, `<Enqueue>`/`<Dial>` for transfers and `<Hangup>` at the end.
 */
export function renderTwiml(outputs: readonly OutputEvent[], context: TwimlContext): string {
  const body: string[] = [];
  let pendingSays: string[] = [];
  let gathered = false;
  // The caller answers in the language they were just spoken to in: the last prompt's, else the session's.
  let currentLocale = context.locale;
  for (const output of outputs) {
    switch (output.type) {
      case 'say':
        currentLocale = output.locale || context.locale;
        pendingSays.push(promptTwiml(output, currentLocale, context.publicBase));
        break;
      case 'prompt': {
        const expect = output.expect;
        const speech = context.channel === 'voice' && !expect.sensitive && expect.speech !== undefined;
        const attributes: Record<string, string> = {
          input: speech ? 'dtmf speech' : 'dtmf',
          action: context.gatherUrl,
          method: 'POST',
          actionOnEmptyResult: 'true',
          timeout: String(Math.max(1, Math.round(expect.noInputTimeoutMs / 1000))),
          language: twilioSpeechFor(currentLocale).gatherLanguage,
        };
        const dtmf = expect.dtmf;
        if (dtmf) {
          attributes['finishOnKey'] = dtmf.terminator ?? '';
          if (!dtmf.terminator || dtmf.minDigits === dtmf.maxDigits) attributes['numDigits'] = String(dtmf.maxDigits);
        }
        if (speech) {
          attributes['speechTimeout'] = 'auto';
          const hints = grammarHints(expect.speech?.grammar ?? null, expect.choices);
          if (hints.length > 0) attributes['hints'] = hints.join(', ');
        }
        body.push(`<Gather${attrs(attributes)}>${pendingSays.join('')}</Gather>`);
        pendingSays = [];
        gathered = true;
        break;
      }
      case 'transfer':
        body.push(...pendingSays);
        pendingSays = [];
        // A transfer the contact center took waits in its queue, even one to a named agent (routed to them there).
        if (output.agent && !context.enqueue) body.push(`<Dial>${escapeXml(output.agent)}</Dial>`);
        else if (context.enqueue)
          body.push(
            `<Enqueue${attrs({ waitUrl: context.enqueue.waitUrl, waitUrlMethod: 'POST', action: context.enqueue.action, method: 'POST' })}>${escapeXml(output.queue ?? 'default')}</Enqueue>`,
          );
        else body.push(`<Enqueue>${escapeXml(output.queue ?? 'default')}</Enqueue>`);
        break;
      case 'end':
        body.push(...pendingSays, '<Hangup/>');
        pendingSays = [];
        break;
    }
  }
  body.push(...pendingSays);
  // A turn that neither asks nor ends (should not happen) must not leave the caller in silence forever.
  if (!gathered && !body.some((b) => b.startsWith('<Hangup') || b.startsWith('<Enqueue') || b.startsWith('<Dial'))) {
    body.push(`<Redirect method="POST">${escapeXml(context.gatherUrl)}</Redirect>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body.join('')}</Response>`;
}

/** Phrases a recognizer should expect, from the node's speech grammar (JSGF alternatives) or its choices. */
export function grammarHints(grammar: string | null, choices?: readonly { label: string }[]): string[] {
  const hints = new Set<string>();
  for (const choice of choices ?? []) hints.add(choice.label);
  if (grammar) {
    for (const rule of grammar.matchAll(/=([^;]*);/g)) {
      for (const alternative of (rule[1] ?? '').split('|')) {
        const phrase = alternative
          .replace(/<[^>]*>|\{[^}]*\}|\/[\d.]+\/|[()[\]*+]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        if (phrase.length > 0 && phrase.length <= 100) hints.add(phrase);
      }
    }
  }
  return [...hints].slice(0, 100);
}

/** `<Say>` of `text` in the voice Twilio uses for `locale` (or the flow's `chosen` voice for it). */
export function say(text: string, locale: string, chosen?: string): string {
  return `<Say${sayAttributes(locale, chosen)}>${escapeXml(text)}</Say>`;
}

/** The `language` and `voice` attributes of a `<Say>` in `locale`. */
export function sayAttributes(locale: string, chosen?: string): string {
  const speech = twilioSpeechFor(locale, chosen);
  const attributes: Record<string, string> = { language: speech.sayLanguage };
  if (speech.voice !== null) attributes['voice'] = speech.voice;
  return attrs(attributes);
}

/** XML attributes from a record (values escaped). */
export function attrs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}
