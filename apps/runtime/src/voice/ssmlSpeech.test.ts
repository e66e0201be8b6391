import { describe, expect, it } from 'vitest';
import { ssmlSpeech } from './ssmlSpeech.ts';

describe('ssmlSpeech', () => {
  it('turns breaks into pauses and spells say-as digits', () => {
    expect(
      ssmlSpeech(
        '<speak>Your code is <say-as interpret-as="digits">4071</say-as>.<break time="500ms"/>Goodbye &amp; thanks.</speak>',
      ),
    ).toEqual([
      { kind: 'text', text: 'Your code is 4 0 7 1 .' },
      { kind: 'pause', ms: 500 },
      { kind: 'text', text: 'Goodbye & thanks.' },
    ]);
  });

  it('reads a sub alias instead of its text, keeps emphasis and prosody text, and times breaks by strength', () => {
    expect(
      ssmlSpeech(
        '<speak><p>Visit <sub alias="World Wide Web">WWW</sub> <emphasis level="strong">now</emphasis></p><prosody rate="slow">Bye</prosody><break strength="x-strong"/><break time="1.5s"/></speak>',
      ),
    ).toEqual([
      { kind: 'text', text: 'Visit World Wide Web now' },
      { kind: 'pause', ms: 400 },
      { kind: 'text', text: 'Bye' },
      { kind: 'pause', ms: 2500 },
    ]);
  });
});
