import { describe, expect, it } from 'vitest';
import { renderMenu, type MenuOptionText } from './renderMenu.ts';

const english: MenuOptionText[] = [
  { key: '1', label: 'balance' },
  { key: '2', label: 'card activation' },
];

describe('renderMenu', () => {
  it('reads each option with its key on DTMF, after the prompt', () => {
    expect(renderMenu(english, 'dtmf', 'en-US', 'Main menu.').text).toBe(
      'Main menu. For balance, press 1. For card activation, press 2.',
    );
  });

  it('lists what to say on voice', () => {
    expect(renderMenu(english, 'voice', 'en-US', 'Main menu.').text).toBe(
      'Main menu. You can say balance or card activation.',
    );
  });

  it('joins three or more spoken options with commas and a final "or"', () => {
    const three = [...english, { key: '3', label: 'lost card' }];
    expect(renderMenu(three, 'voice', 'en-US', '').text).toBe('You can say balance, card activation, or lost card.');
  });

  it('says a single voice option without a list', () => {
    expect(renderMenu([{ key: '1', label: 'balance' }], 'voice', 'en-US', '').text).toBe('You can say balance.');
  });

  it('shows the prompt with one quick reply per option on chat', () => {
    expect(renderMenu(english, 'chat', 'en-US', ' Main menu. ')).toEqual({
      text: 'Main menu.',
      choices: [
        { value: '1', label: 'balance' },
        { value: '2', label: 'card activation' },
      ],
    });
  });

  it.each(['dtmf', 'voice'] as const)('sends no quick replies on %s', (channel) => {
    expect(renderMenu(english, channel, 'en-US', 'Menu.').choices).toEqual([]);
  });

  it('mentions the repeat key by name on DTMF and voice', () => {
    expect(renderMenu(english, 'dtmf', 'en-US', '', { repeatKey: '*' }).text).toMatch(
      /To hear these options again, press star\.$/,
    );
    expect(renderMenu(english, 'voice', 'en-US', '', { repeatKey: '9' }).text).toMatch(/press 9\.$/);
  });

  it('names the pound key', () => {
    expect(renderMenu([{ key: '#', label: 'the main menu' }], 'dtmf', 'en-US', '').text).toBe(
      'For the main menu, press pound.',
    );
  });

  it('renders Chinese DTMF and voice wording without spaces', () => {
    const chinese = [
      { key: '1', label: '查询余额' },
      { key: '2', label: '激活卡片' },
      { key: '3', label: '挂失' },
    ];
    expect(renderMenu(chinese, 'dtmf', 'zh-CN', '主菜单。', { repeatKey: '*' }).text).toBe(
      '主菜单。查询余额请按1。激活卡片请按2。挂失请按3。重听请按星号键。',
    );
    expect(renderMenu(chinese, 'voice', 'zh-CN', '').text).toBe('您可以说：查询余额、激活卡片或挂失。');
  });

  it('renders Korean with the particle each label needs', () => {
    const korean = [
      { key: '1', label: '잔액 조회' },
      { key: '2', label: '잔액' },
    ];
    expect(renderMenu(korean, 'dtmf', 'ko-KR', '').text).toBe('잔액 조회는 1번을 누르세요. 잔액은 2번을 누르세요.');
    expect(renderMenu(korean, 'voice', 'ko-KR', '').text).toBe('잔액 조회 또는 잔액이라고 말씀하세요.');
    expect(renderMenu([{ key: '1', label: '카드 활성화' }], 'voice', 'ko-KR', '').text).toBe(
      '카드 활성화라고 말씀하세요.',
    );
    expect(renderMenu(korean, 'dtmf', 'ko-KR', '', { repeatKey: '*' }).text).toMatch(/별표를 누르세요\.$/);
  });

  it.each(['fr-FR', 'ja-JP', 'not a locale', ''])('falls back to English wording for locale %j', (locale) => {
    expect(renderMenu(english, 'dtmf', locale, '').text).toBe('For balance, press 1. For card activation, press 2.');
  });

  it('treats zh-TW and ko as their language', () => {
    expect(renderMenu([{ key: '1', label: '餘額' }], 'dtmf', 'zh-TW', '').text).toBe('餘額请按1。');
    expect(renderMenu([{ key: '1', label: '잔액' }], 'dtmf', 'ko', '').text).toBe('잔액은 1번을 누르세요.');
  });
});
