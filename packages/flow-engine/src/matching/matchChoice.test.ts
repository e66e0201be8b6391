import { describe, expect, it } from 'vitest';
import { matchChoice, type MatchableChoice } from './matchChoice.ts';

const bankMenu: MatchableChoice[] = [
  { key: '1', label: 'balance', synonyms: ['check balance', 'how much money'] },
  { key: '2', label: 'card activation', synonyms: ['activate my card', 'new card'] },
  { key: '3', label: 'lost card', synonyms: ['stolen card', 'report lost card'] },
  { key: '0', label: 'agent', synonyms: ['representative', 'talk to a person'] },
];

const chineseMenu: MatchableChoice[] = [
  { key: '1', label: '查询余额', synonyms: ['余额'] },
  { key: '2', label: '激活卡片', synonyms: ['开卡'] },
  { key: '3', label: '挂失', synonyms: ['卡丢了'] },
];

const koreanMenu: MatchableChoice[] = [
  { key: '1', label: '잔액 조회', synonyms: ['잔액'] },
  { key: '2', label: '카드 활성화', synonyms: ['카드 등록'] },
  { key: '3', label: '분실 신고', synonyms: ['카드를 잃어버렸어요'] },
];

describe('matchChoice', () => {
  it.each([
    ['1', '1'],
    ['  2 ', '2'],
    ['0', '0'],
    ['one', '1'],
    ['Two.', '2'],
    ['option 2', '2'],
    ['Option two please', '2'],
    ['press 3', '3'],
    ['number one', '1'],
    ['the second one', '2'],
    ['third', '3'],
    ['1st', '1'],
    ['zero', '0'],
    ['１', '1'],
  ])('matches %j by number to key %s', (input, key) => {
    expect(matchChoice(input, bankMenu, 'chat')).toEqual({ key, score: 1, how: 'number' });
  });

  it.each([
    ['balance', '1', 'label'],
    ['BALANCE', '1', 'label'],
    ['Card Activation!', '2', 'label'],
    ['activation card', '2', 'label'],
    ["I'd like to check my balance please", '1', 'synonym'],
    ['I lost my card', '3', 'label'],
    ['my card was stolen', '3', 'synonym'],
    ['talk to a person please', '0', 'synonym'],
    ['agent please', '0', 'label'],
  ])('matches %j by words to key %s (%s)', (input, key, how) => {
    const match = matchChoice(input, bankMenu, 'chat');
    expect(match?.key).toBe(key);
    expect(match?.how).toBe(how);
  });

  it.each([
    ['balanse', '1'],
    ['ballance', '1'],
    ['card activaton', '2'],
    ['actvation card', '2'],
    ['cards activation', '2'],
    ['representitive', '0'],
    ['agnet', '0'],
    ['balances', '1'],
    ['activation', '2'],
  ])('tolerates the typo or variant %j and matches key %s fuzzily', (input, key) => {
    const match = matchChoice(input, bankMenu, 'chat');
    expect(match?.key).toBe(key);
    expect(match?.how).toBe('fuzzy');
    expect(match?.score).toBeLessThan(1);
    expect(match?.score).toBeGreaterThanOrEqual(0.45);
  });

  it.each([
    ['', 'empty input'],
    ['   ', 'blank input'],
    ['xyz', 'an unrelated word'],
    ['what is the weather like', 'an unrelated sentence'],
    ['7', 'a key no option uses'],
    ['I want 2 tickets', 'a number among other words'],
    ['card', 'a word shared by two options'],
    ['bal', 'a too-short fragment'],
  ])('returns null for %j (%s)', (input) => {
    expect(matchChoice(input, bankMenu, 'chat')).toBeNull();
  });

  it('rejects a near tie between two choices rather than guessing', () => {
    const choices: MatchableChoice[] = [
      { key: '1', label: 'savings account', synonyms: [] },
      { key: '2', label: 'checking account', synonyms: [] },
    ];
    expect(matchChoice('account', choices, 'chat')).toBeNull();
    expect(matchChoice('savings', choices, 'chat')?.key).toBe('1');
  });

  it('prefers the choice that the whole input names exactly over one it merely contains', () => {
    const choices: MatchableChoice[] = [
      { key: '1', label: 'card', synonyms: [] },
      { key: '2', label: 'card activation', synonyms: [] },
    ];
    expect(matchChoice('card activation', choices, 'chat')?.key).toBe('2');
    expect(matchChoice('card', choices, 'chat')?.key).toBe('1');
  });

  it('scores an exact label higher than a fuzzy one', () => {
    const exact = matchChoice('balance', bankMenu, 'chat');
    const fuzzy = matchChoice('balanse', bankMenu, 'chat');
    expect(exact?.score).toBeGreaterThan(fuzzy?.score ?? 1);
  });

  it.each([
    ['to', '2'],
    ['too', '2'],
    ['for', null],
    ['won', '1'],
  ])('on voice reads the digit homophone %j alone as key %s', (input, key) => {
    expect(matchChoice(input, bankMenu, 'voice')?.key ?? null).toBe(key);
  });

  it('does not read digit homophones in chat', () => {
    expect(matchChoice('to', bankMenu, 'chat')).toBeNull();
  });

  it.each([
    ['查询余额', '1', 'label'],
    ['我想查询余额', '1', 'label'],
    ['我要开卡', '2', 'synonym'],
    ['我的卡丢了', '3', 'synonym'],
    ['余额查询', '1', 'synonym'],
    ['查余额', '1', 'synonym'],
    ['2号', '2', 'number'],
    ['二', '2', 'number'],
    ['第三个', '3', 'number'],
    ['选1', '1', 'number'],
  ])('matches Chinese %j by substring or number to key %s (%s)', (input, key, how) => {
    const match = matchChoice(input, chineseMenu, 'chat', { locale: 'zh-CN' });
    expect(match?.key).toBe(key);
    expect(match?.how).toBe(how);
  });

  it.each([
    ['잔액 조회', '1'],
    ['잔액조회 해주세요', '1'],
    ['잔액 조회요', '1'],
    ['카드 활성화 하고 싶어요', '2'],
    ['분실 신고하고 싶어요', '3'],
    ['2번', '2'],
    ['두 번째', '2'],
    ['삼번이요', '3'],
  ])('matches Korean %j to key %s', (input, key) => {
    expect(matchChoice(input, koreanMenu, 'voice', { locale: 'ko-KR' })?.key).toBe(key);
  });

  it('returns null for Chinese text that names no option', () => {
    expect(matchChoice('今天天气怎么样', chineseMenu, 'chat', { locale: 'zh-CN' })).toBeNull();
  });

  it('returns null when there are no choices', () => {
    expect(matchChoice('balance', [], 'chat')).toBeNull();
  });

  it('matches a non-digit key typed as itself or named', () => {
    const choices: MatchableChoice[] = [
      { key: '*', label: 'repeat', synonyms: [] },
      { key: '1', label: 'balance', synonyms: [] },
    ];
    expect(matchChoice('*', choices, 'chat')?.key).toBe('*');
    expect(matchChoice('star', choices, 'voice')?.key).toBe('*');
  });

  it('honours a stricter minimum score', () => {
    expect(matchChoice('activation', bankMenu, 'chat', { minScore: 0.8 })).toBeNull();
  });
});
