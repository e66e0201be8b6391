import { describe, expect, it } from 'vitest';
import { mandarinNumeral, readMandarinNumbers } from './readMandarinNumbers.ts';

const spoken = (text: string) =>
  readMandarinNumbers(text)
    .map((piece) => piece.text)
    .join('');

describe('readMandarinNumbers', () => {
  it('reads numerals with 十 for 10–19, one 零 per gap and 万/亿 groups', () => {
    expect(mandarinNumeral('1234')).toBe('一千二百三十四');
    expect(mandarinNumeral('10')).toBe('十');
    expect(mandarinNumeral('15')).toBe('十五');
    expect(mandarinNumeral('1005')).toBe('一千零五');
    expect(mandarinNumeral('1050')).toBe('一千零五十');
    expect(mandarinNumeral('10005')).toBe('一万零五');
    expect(mandarinNumeral('120000')).toBe('十二万');
    expect(mandarinNumeral('1000000')).toBe('一百万');
    expect(mandarinNumeral('100010000')).toBe('一亿零一万');
    expect(mandarinNumeral('0')).toBe('零');
  });

  it('reads a key to press as a digit (issue 19: 请按1 is 请按一)', () => {
    expect(spoken('余额查询请按1。')).toBe('余额查询请按一。');
    expect(spoken('请按0键')).toBe('请按零键');
    expect(readMandarinNumbers('请按1').at(-1)).toEqual({ kind: 'digits', text: '一' });
  });

  it('reads card endings, phone numbers and codes digit by digit', () => {
    expect(spoken('您尾号为1234的卡片')).toBe('您尾号为一二三四的卡片');
    expect(spoken('电话13800138000')).toBe('电话一三八零零一三八零零零');
    expect(spoken('010-1234-5678')).toBe('零一零，一二三四，五六七八');
    expect(spoken('航班CA1234')).toBe('航班C A一二三四');
    expect(spoken('请输入19900517')).toBe('请输入一九九零零五一七');
  });

  it('reads amounts, counts and standalone numbers as numerals', () => {
    expect(spoken('连续数字（如1234）')).toBe('连续数字（如一千二百三十四）');
    expect(spoken('余额12345元')).toBe('余额一万二千三百四十五元');
    expect(spoken('¥1,234.50')).toBe('一千二百三十四点五元');
    expect(spoken('-US$42.00')).toBe('负四十二美元');
    expect(spoken('2.05')).toBe('二点零五');
    expect(spoken('50%')).toBe('百分之五十');
  });

  it('says 两 before a measure word but 二 in an ordinal or a key', () => {
    expect(spoken('请输入2位数字')).toBe('请输入两位数字');
    expect(spoken('第2位')).toBe('第二位');
    expect(spoken('请按2')).toBe('请按二');
  });

  it('reads dates with the year digit by digit and clock times with 点', () => {
    expect(spoken('2026-12-08')).toBe('二零二六年十二月八日');
    expect(spoken('1990年5月17日')).toBe('一九九零年五月十七日');
    expect(spoken('14:05')).toBe('十四点零五分');
    expect(spoken('2:00')).toBe('两点');
  });

  it('names the keypad symbols and ranges in Chinese', () => {
    expect(spoken('请输入1~4位数字，按#结束，按*返回')).toBe('请输入一到四位数字，按井号结束，按星号返回');
  });
});
