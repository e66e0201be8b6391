import { describe, expect, it } from 'vitest';
import { TranscriptAnalyzer } from './TranscriptAnalyzer.ts';

describe('TranscriptAnalyzer.score (issue 17)', () => {
  const analyzer = new TranscriptAnalyzer({ enabled: true, accountPatterns: [] });

  it('puts the caller turn sentiment on typed and spoken input, in the session locale, replacing a sent one', () => {
    const typed = analyzer.score({ type: 'text', text: 'This is useless, I am very angry', sentiment: 0.9 }, 'en-US');
    expect(typed).toMatchObject({ type: 'text', sentiment: expect.any(Number) });
    expect(typed.type === 'text' && (typed.sentiment ?? 0) < -0.3).toBe(true);
    const spoken = analyzer.score({ type: 'speech', transcript: '太好了，谢谢你' }, 'zh-CN');
    expect(spoken.type === 'speech' && (spoken.sentiment ?? 0) > 0.3).toBe(true);
  });

  it('leaves keys, silences and blank text without a score', () => {
    expect(analyzer.score({ type: 'dtmf', digits: '1' }, 'en-US')).toEqual({ type: 'dtmf', digits: '1' });
    expect(analyzer.score({ type: 'noInput' }, 'en-US')).toEqual({ type: 'noInput' });
    expect(analyzer.score({ type: 'text', text: '   ' }, 'en-US')).toEqual({ type: 'text', text: '   ' });
  });
});
