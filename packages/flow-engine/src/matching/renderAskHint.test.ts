import { describe, expect, it } from 'vitest';
import { renderAskHint, yesNoQuickReplies, type AskHintSlot } from './renderAskHint.ts';
import { parseYesNo } from './parseYesNo.ts';

const fourDigits: AskHintSlot = { type: 'digits', minLength: 4, maxLength: 4 };

describe('renderAskHint', () => {
  it.each([
    [fourDigits, 'dtmf', 'Enter the 4 digits.'],
    [fourDigits, 'voice', 'Say or enter the 4 digits.'],
    [fourDigits, 'chat', 'Type the 4 digits.'],
    [{ type: 'digits', minLength: 4, maxLength: 16 }, 'dtmf', 'Enter 4 to 16 digits, then press pound.'],
    [{ type: 'digits', maxLength: 16 }, 'dtmf', 'Enter up to 16 digits, then press pound.'],
    [{ type: 'digits', minLength: 6, maxLength: 6, terminator: '*' }, 'dtmf', 'Enter the 6 digits.'],
    [{ type: 'digits', minLength: 4, maxLength: 6, terminator: '*' }, 'dtmf', 'Enter 4 to 6 digits, then press star.'],
    [{ type: 'digits', minLength: 4, maxLength: 4, sensitive: true }, 'voice', 'Enter the 4 digits on your keypad.'],
    [{ type: 'number', min: 1, max: 10 }, 'dtmf', 'Enter a number between 1 and 10, then press pound.'],
    [{ type: 'number' }, 'voice', 'Say the number.'],
    [{ type: 'number', min: 1, max: 10 }, 'chat', 'Type a number between 1 and 10.'],
    [{ type: 'amount' }, 'dtmf', 'Enter the amount, using star for the decimal point, then press pound.'],
    [{ type: 'date' }, 'chat', 'Type the date, for example 1990-05-17.'],
    [{ type: 'yesNo' }, 'dtmf', 'For yes, press 1. For no, press 2.'],
    [{ type: 'yesNo' }, 'voice', 'Please say yes or no.'],
    [{ type: 'yesNo' }, 'chat', ''],
    [
      { type: 'choice', choiceLabels: ['tomorrow', 'another day'] },
      'dtmf',
      'For tomorrow, press 1. For another day, press 2.',
    ],
    [{ type: 'choice', choiceLabels: ['tomorrow', 'another day'] }, 'voice', 'You can say tomorrow or another day.'],
    [{ type: 'choice', choiceLabels: ['tomorrow'] }, 'chat', ''],
    [{ type: 'text' }, 'voice', ''],
  ] satisfies [AskHintSlot, 'dtmf' | 'voice' | 'chat', string][])('hints %j on %s as %j', (slot, channel, hint) => {
    expect(renderAskHint(slot, channel, 'en-US')).toBe(hint);
  });

  it.each([
    ['zh-CN', 'dtmf', '请输入4位数字。'],
    ['zh-CN', 'voice', '请说出或输入4位数字。'],
    ['zh-CN', 'chat', '请输入4位数字。'],
    ['ko-KR', 'dtmf', '4자리 숫자를 입력하세요.'],
    ['ko-KR', 'voice', '4자리 숫자를 말씀하시거나 입력하세요.'],
    ['ko-KR', 'chat', '4자리 숫자를 입력하세요.'],
  ] as const)('hints four digits in %s on %s', (locale, channel, hint) => {
    expect(renderAskHint(fourDigits, channel, locale)).toBe(hint);
  });

  it('tells voice callers to use the keypad for a sensitive slot in every language', () => {
    const pin: AskHintSlot = { type: 'digits', minLength: 4, maxLength: 4, sensitive: true };
    expect(renderAskHint(pin, 'voice', 'zh-CN')).toContain('电话键盘');
    expect(renderAskHint(pin, 'voice', 'ko-KR')).toContain('키패드');
  });

  it('gives a hint for every slot type on DTMF and voice in every language except free text', () => {
    const types: AskHintSlot['type'][] = ['digits', 'number', 'amount', 'date', 'yesNo', 'choice'];
    for (const locale of ['en-US', 'zh-CN', 'ko-KR']) {
      for (const type of types) {
        for (const channel of ['dtmf', 'voice'] as const) {
          expect(
            renderAskHint({ type, choiceLabels: ['a', 'b'] }, channel, locale),
            `${type} ${channel} ${locale}`,
          ).not.toBe('');
        }
      }
    }
  });

  it.each(['en-US', 'zh-CN', 'ko-KR'])(
    'asks for the terminator only when the length is not fixed, in %s (issue 20)',
    (locale) => {
      const terminator = /pound|井号|우물 정자/;
      expect(renderAskHint(fourDigits, 'dtmf', locale)).not.toMatch(terminator);
      expect(renderAskHint({ ...fourDigits, sensitive: true }, 'voice', locale)).not.toMatch(terminator);
      expect(renderAskHint({ type: 'digits', minLength: 4, maxLength: 8 }, 'dtmf', locale)).toMatch(terminator);
    },
  );

  it('falls back to English wording for other locales', () => {
    expect(renderAskHint(fourDigits, 'dtmf', 'de-DE')).toBe('Enter the 4 digits.');
  });
});

describe('yesNoQuickReplies', () => {
  it.each(['en-US', 'zh-CN', 'ko-KR', 'fr-FR'])(
    'offers yes and no buttons whose values parseYesNo understands in %s',
    (locale) => {
      const [yes, no] = yesNoQuickReplies(locale);
      expect(parseYesNo(yes?.value ?? '', locale)).toBe(true);
      expect(parseYesNo(no?.value ?? '', locale)).toBe(false);
      expect(parseYesNo(yes?.label ?? '', locale)).toBe(true);
      expect(parseYesNo(no?.label ?? '', locale)).toBe(false);
    },
  );
});
