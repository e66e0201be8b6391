import { describe, expect, it } from 'vitest';
import { PhraseIntentMatcher, phrasesForLocale, type IntentPhrases } from './PhraseIntentMatcher.ts';

const intents: IntentPhrases[] = [
  {
    id: 'agent',
    phrases: {
      'en-US': ['agent', 'talk to a person', 'representative'],
      'zh-CN': ['人工', '转人工', '人工服务'],
      'ko-KR': ['상담원', '상담원 연결'],
    },
  },
  {
    id: 'lostCard',
    phrases: {
      'en-US': ['lost card', 'stolen card'],
      'zh-CN': ['挂失', '卡丢了'],
      'ko-KR': ['분실 신고', '카드 분실'],
    },
  },
  {
    id: 'balance',
    phrases: { 'en-US': ['balance', 'how much money do i have'], 'zh-CN': ['余额'], 'ko-KR': ['잔액'] },
  },
];

const matcher = new PhraseIntentMatcher(intents);

describe('PhraseIntentMatcher', () => {
  it.each([
    ['agent', 'agent'],
    ['agent please', 'agent'],
    ['Agent!', 'agent'],
    ['I want to talk to a person', 'agent'],
    ['a person, talk to', 'agent'],
    ['can I speak to a representitive', 'agent'],
    ['I lost my card', 'lostCard'],
    ['my card was stolen', 'lostCard'],
    ['card lost', 'lostCard'],
    ['lsot card', 'lostCard'],
    ['what is my balance', 'balance'],
    ['how much money do I have left', 'balance'],
  ])('matches %j to the %s intent', async (text, intentId) => {
    const match = await matcher.match(text, 'en-US');
    expect(match?.intentId).toBe(intentId);
    expect(match?.score).toBeGreaterThanOrEqual(0.6);
    expect(match?.score).toBeLessThanOrEqual(1);
  });

  it.each(['', 'hello', 'what time is it', 'card', 'I want to book a flight', 'the weather in Seoul'])(
    'matches no intent for %j',
    async (text) => {
      expect(await matcher.match(text, 'en-US')).toBeNull();
    },
  );

  it('scores an exact phrase above the same phrase inside a longer sentence', () => {
    const exact = matcher.matchSync('lost card', 'en-US');
    const inSentence = matcher.matchSync('hi there I think I may have lost my card somewhere', 'en-US');
    expect(exact?.score).toBeGreaterThan(inSentence?.score ?? 1);
    expect(inSentence?.intentId).toBe('lostCard');
  });

  it.each([
    ['我要转人工', 'agent'],
    ['人工服务', 'agent'],
    ['我的卡丢了', 'lostCard'],
    ['我想查一下余额', 'balance'],
  ])('matches Chinese %j to %s', (text, intentId) => {
    expect(matcher.matchSync(text, 'zh-CN')?.intentId).toBe(intentId);
  });

  it.each([
    ['상담원 연결해 주세요', 'agent'],
    ['카드 분실 신고하려고요', 'lostCard'],
    ['잔액 알려주세요', 'balance'],
  ])('matches Korean %j to %s', (text, intentId) => {
    expect(matcher.matchSync(text, 'ko-KR')?.intentId).toBe(intentId);
  });

  it('uses the phrases of the same language for a regional locale, and all phrases for an unknown one', () => {
    expect(matcher.matchSync('agent', 'en-GB')?.intentId).toBe('agent');
    expect(matcher.matchSync('人工', 'zh-TW')?.intentId).toBe('agent');
    expect(matcher.matchSync('agent', 'fr-FR')?.intentId).toBe('agent');
  });

  it('rejects an input that two intents match equally', () => {
    const tied = new PhraseIntentMatcher([
      { id: 'a', phrases: { 'en-US': ['card help'] } },
      { id: 'b', phrases: { 'en-US': ['card help'] } },
    ]);
    expect(tied.matchSync('card help', 'en-US')).toBeNull();
  });

  it('honours a custom minimum score', () => {
    const strict = new PhraseIntentMatcher(intents, { minScore: 0.95 });
    expect(strict.matchSync('agent', 'en-US')?.intentId).toBe('agent');
    expect(strict.matchSync('can I speak to a representitive', 'en-US')).toBeNull();
  });

  it('matches nothing when the flow has no intents', async () => {
    expect(await new PhraseIntentMatcher([]).match('agent', 'en-US')).toBeNull();
  });
});

describe('phrasesForLocale', () => {
  const intent: IntentPhrases = { id: 'x', phrases: { 'en-US': ['agent'], 'zh-CN': ['人工'] } };
  it.each([
    ['en-US', ['agent']],
    ['en-AU', ['agent']],
    ['zh-HK', ['人工']],
    ['de-DE', ['agent', '人工']],
  ])('picks the phrases for %s', (locale, phrases) => {
    expect(phrasesForLocale(intent, locale)).toEqual(phrases);
  });
});
