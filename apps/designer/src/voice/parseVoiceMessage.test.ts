import { describe, expect, it } from 'vitest';
import { parseVoiceMessage } from './parseVoiceMessage.ts';

describe('parseVoiceMessage', () => {
  it('reads the raw-mode frames the gateway sends: mark, clear, call events, stop and error', () => {
    expect(parseVoiceMessage('{"event":"mark","mark":{"name":"m3"}}')).toEqual({ event: 'mark', name: 'm3' });
    expect(parseVoiceMessage('{"event":"clear"}')).toEqual({ event: 'clear' });
    expect(
      parseVoiceMessage(
        '{"event":"call","call":{"type":"recognized","atMs":5120,"transcript":"activate my card","confidence":0.82}}',
      ),
    ).toEqual({
      event: 'call',
      call: { type: 'recognized', transcript: 'activate my card', confidence: 0.82 },
    });
    expect(
      parseVoiceMessage('{"event":"call","call":{"type":"audioSent","atMs":0,"text":"Main menu.","durationMs":900}}'),
    ).toEqual({
      event: 'call',
      call: { type: 'audioSent', text: 'Main menu.', durationMs: 900 },
    });
    expect(
      parseVoiceMessage(
        '{"event":"call","call":{"type":"closed","atMs":9,"end":{"reason":"transferred","queue":"agents"}}}',
      ),
    ).toEqual({
      event: 'call',
      call: { type: 'closed', reason: 'transferred', queue: 'agents' },
    });
    expect(parseVoiceMessage('{"event":"stop","end":{"reason":"completed"}}')).toEqual({
      event: 'stop',
      reason: 'completed',
    });
    expect(parseVoiceMessage('{"event":"error","message":"Running a draft needs an editor token."}')).toEqual({
      event: 'error',
      message: 'Running a draft needs an editor token.',
    });
  });

  it('reads a turn frame: the node the flow is at and its variables, masked values kept as sent', () => {
    expect(
      parseVoiceMessage(
        '{"event":"turn","turn":{"nodeId":"lastFour","status":"active","variables":{"customerName":"Ada","cardLastFour":"****"}}}',
      ),
    ).toEqual({
      event: 'turn',
      turn: { nodeId: 'lastFour', status: 'active', variables: { customerName: 'Ada', cardLastFour: '****' } },
    });
    expect(parseVoiceMessage('{"event":"turn","turn":{"nodeId":null,"status":"ended"}}')).toEqual({
      event: 'turn',
      turn: { nodeId: null, status: 'ended', variables: {} },
    });
    for (const text of ['{"event":"turn"}', '{"event":"turn","turn":{"nodeId":"x","status":"paused","variables":{}}}'])
      expect(parseVoiceMessage(text)).toBeNull();
  });

  it('keeps a recognizer miss as a null transcript (no match)', () => {
    expect(
      parseVoiceMessage('{"event":"call","call":{"type":"recognized","atMs":1,"transcript":null,"confidence":0}}'),
    ).toEqual({
      event: 'call',
      call: { type: 'recognized', transcript: null, confidence: 0 },
    });
  });

  it('ignores frames it does not know instead of failing', () => {
    for (const text of [
      'not json',
      '[1,2]',
      '{"event":"media"}',
      '{"event":"call","call":{"type":"future"}}',
      '{"event":"mark","mark":{}}',
    ]) {
      expect(parseVoiceMessage(text)).toBeNull();
    }
  });
});
