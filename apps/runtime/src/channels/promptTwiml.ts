import type { OutputEvent } from '@omniflow/flow-engine';
import { escapeXml, say, sayAttributes } from './renderTwiml.ts';

/**
 * The TwiML of one prompt: `<Play>` of its recording (a runtime-held `/prompt-audio/…` path made absolute with
 * `publicBase`, or an outside http(s) URL), else `<Say>` with its SSML (Twilio reads SSML tags inside `<Say>`, without
 * the `<speak>` wrapper), else `<Say>` of its text — in the flow's voice for the locale when it chose one.
 */
export function promptTwiml(
  output: Extract<OutputEvent, { type: 'say' }>,
  locale: string,
  publicBase: string | undefined,
): string {
  const chosen = output.voice?.twilio;
  const url = output.audio === undefined ? null : playUrl(output.audio, publicBase);
  if (url !== null) return `<Play>${escapeXml(url)}</Play>`;
  if (output.ssml !== undefined) {
    const inner = ssmlBody(output.ssml);
    if (inner !== '') return `<Say${sayAttributes(locale, chosen)}>${inner}</Say>`;
  }
  return say(output.text, locale, chosen);
}

/** The URL Twilio fetches a recording from, or null when there is none it can reach. */
function playUrl(audio: string, publicBase: string | undefined): string | null {
  if (/^https?:\/\//iu.test(audio)) return audio;
  if (audio.startsWith('/') && publicBase !== undefined) return `${publicBase.replace(/\/+$/u, '')}${audio}`;
  return null;
}

/** SSML without an XML declaration, comments or the `<speak>` element around it (already validated, FLOW060). */
function ssmlBody(ssml: string): string {
  return ssml
    .replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/gu, '')
    .replace(/<\/?speak\b[^>]*>/gu, '')
    .trim();
}
