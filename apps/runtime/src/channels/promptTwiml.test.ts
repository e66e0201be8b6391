import type { OutputEvent } from '@omniflow/flow-engine';
import { describe, expect, it } from 'vitest';
import { promptTwiml } from './promptTwiml.ts';

type Say = Extract<OutputEvent, { type: 'say' }>;
const say = (fields: Partial<Say>): Say => ({
  type: 'say',
  nodeId: 'n',
  text: 'Hello.',
  locale: 'en-US',
  bargeIn: true,
  ...fields,
});

describe('promptTwiml (issue 20)', () => {
  it("says the prompt in the flow's chosen voice, and the default voice for an unknown one", () => {
    expect(promptTwiml(say({ voice: { twilio: 'Polly.Matthew' } }), 'en-US', undefined)).toBe(
      '<Say language="en-US" voice="Polly.Matthew">Hello.</Say>',
    );
    expect(promptTwiml(say({ voice: { twilio: 'Polly.Seoyeon' } }), 'en-US', undefined)).toBe(
      '<Say language="en-US" voice="Polly.Joanna">Hello.</Say>',
    );
    expect(promptTwiml(say({ locale: 'ko-KR', voice: { twilio: 'Polly.Seoyeon-Neural' } }), 'ko-KR', undefined)).toBe(
      '<Say language="ko-KR" voice="Polly.Seoyeon-Neural">Hello.</Say>',
    );
  });

  it('puts the SSML inside <Say> without <speak>, keeping say-as, break, prosody and sub', () => {
    const ssml =
      '<?xml version="1.0"?><speak>Code <say-as interpret-as="digits">4071</say-as><break time="500ms"/><prosody rate="slow"><sub alias="World Wide Web">WWW</sub></prosody></speak>';
    expect(promptTwiml(say({ ssml }), 'en-US', undefined)).toBe(
      '<Say language="en-US" voice="Polly.Joanna">Code <say-as interpret-as="digits">4071</say-as><break time="500ms"/><prosody rate="slow"><sub alias="World Wide Web">WWW</sub></prosody></Say>',
    );
  });

  it('plays a recording from the public URL, an outside URL as given, and says the text when no URL can be made', () => {
    const audio = `/prompt-audio/${'a'.repeat(64)}`;
    expect(promptTwiml(say({ audio }), 'en-US', 'https://rt.example.com/')).toBe(
      `<Play>https://rt.example.com${audio}</Play>`,
    );
    expect(promptTwiml(say({ audio: 'https://cdn.example.com/a.mp3?x=1&y=2' }), 'en-US', undefined)).toBe(
      '<Play>https://cdn.example.com/a.mp3?x=1&amp;y=2</Play>',
    );
    expect(promptTwiml(say({ audio }), 'en-US', undefined)).toContain('<Say');
  });
});
