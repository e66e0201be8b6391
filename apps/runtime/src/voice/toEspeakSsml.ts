import { escapeXml } from '../channels/renderTwiml.ts';
import { readKoreanNumbers } from './readKoreanNumbers.ts';
import { toPinyinSegments } from './toPinyinSegments.ts';

/** The espeak-ng voice that reads Latin-script words inside Mandarin (acronyms such as ATM, PIN). */
export const LATIN_VOICE = 'en-us';

/**
 * The SSML document espeak-ng (`-m`) speaks for `text` in `voice`: for `cmn-latn-pinyin`, tone-numbered pinyin
 * with Latin words switched to {@link LATIN_VOICE}; for `ko`, numbers read in Hangul; otherwise the text as is.
 * It depends on the text and voice only, so a cache keyed by voice and text stays correct.
 */
export function toEspeakSsml(text: string, voice: string): string {
  const segments =
    voice === 'cmn-latn-pinyin'
      ? toPinyinSegments(text).map((s) => ({ voice: s.script === 'pinyin' ? voice : LATIN_VOICE, text: s.text }))
      : [{ voice, text: voice === 'ko' ? readKoreanNumbers(text) : text }];
  // Every segment names its voice: after a closing </voice>, espeak-ng falls back to the base language (`cmn`,
  // which reads pinyin as English), not to the variant it was started with.
  return `<speak>${segments.map((s) => `<voice name="${escapeXml(s.voice)}">${escapeXml(s.text)}</voice>`).join('')}</speak>`;
}
