import type { OutputEvent } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { CachingSynthesizer } from './CachingSynthesizer.ts';
import { EspeakSynthesizer } from './EspeakSynthesizer.ts';
import { FliteSynthesizer } from './FliteSynthesizer.ts';
import { powerDbfs } from './pcm.ts';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import { speakSay } from './speakSay.ts';
import { concatAudio } from './Synthesizer.ts';

const synthesizer = new CachingSynthesizer([new FliteSynthesizer(), new EspeakSynthesizer()]);
const never = new AbortController().signal;
type Say = Extract<OutputEvent, { type: 'say' }>;

function sayOf(fields: Partial<Say>): Say {
  return { type: 'say', nodeId: 'n', text: '', locale: 'en-US', bargeIn: true, ...fields };
}

async function spoken(say: Say) {
  return concatAudio(await Promise.all(speakSay(say, synthesizer, never)));
}

/** The longest run of 10 ms windows below -50 dBFS between the first and last loud window (16 kHz PCM). */
function longestInnerSilenceMs(pcm: Int16Array): number {
  const windows = Math.floor(pcm.length / 160);
  const quiet = Array.from({ length: windows }, (_, w) => powerDbfs(pcm, w * 160, (w + 1) * 160) < -50);
  const first = quiet.indexOf(false);
  const last = quiet.lastIndexOf(false);
  let longest = 0;
  let run = 0;
  for (let w = first; w <= last; w++) {
    run = quiet[w] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest * 10;
}

describe('speakSay: SSML and voices on the gateway (issue 20)', { timeout: 60_000 }, () => {
  it('makes a <break time="500ms"/> at least 450 ms of silence, which the plain text does not have', async () => {
    const withBreak = await spoken(
      sayOf({
        text: 'Hello there. Goodbye now.',
        ssml: '<speak>Hello there.<break time="500ms"/>Goodbye now.</speak>',
      }),
    );
    const plain = await spoken(sayOf({ text: 'Hello there. Goodbye now.' }));
    expect(longestInnerSilenceMs(withBreak.pcm16k)).toBeGreaterThanOrEqual(450);
    // The engine's own padding around each piece is trimmed: the pause is about what was asked, not 0.9 s.
    expect(longestInnerSilenceMs(withBreak.pcm16k)).toBeLessThanOrEqual(650);
    expect(longestInnerSilenceMs(plain.pcm16k)).toBeLessThan(450);
  });

  it('speaks say-as digits one by one (pocketsphinx hears "four zero seven one", not a number)', async () => {
    const grammar = `#JSGF V1.0;
grammar code;
public <code> = four zero seven one | four thousand seventy one;`;
    const recognizer = new PocketsphinxRecognizer();
    const digits = await spoken(
      sayOf({ text: '4071', ssml: '<speak><say-as interpret-as="digits">4071</say-as></speak>' }),
    );
    const number = await spoken(sayOf({ text: '4071', ssml: '<speak>4071</speak>' }));
    expect((await recognizer.recognize(digits.pcm16k, grammar, 'en-US', never))?.transcript).toBe(
      'four zero seven one',
    );
    expect((await recognizer.recognize(number.pcm16k, grammar, 'en-US', never))?.transcript).toBe(
      'four thousand seventy one',
    );
  });

  it("speaks in the flow's voice for the locale, on either engine", async () => {
    expect((await spoken(sayOf({ text: 'Hello.', voice: { local: 'flite/kal16' } }))).voice).toBe('flite/kal16');
    expect((await spoken(sayOf({ text: 'Hello.', voice: { local: 'espeak-ng/en-gb' } }))).voice).toBe(
      'espeak-ng/en-gb',
    );
    expect((await spoken(sayOf({ text: 'Hello.' }))).voice).toBe('flite/slt');
  });
});
