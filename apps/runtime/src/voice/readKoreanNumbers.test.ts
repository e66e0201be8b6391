import { describe, expect, it } from 'vitest';
import { koreanNativeNumber, koreanSinoNumber, readKoreanNumbers } from './readKoreanNumbers.ts';

describe('readKoreanNumbers', () => {
  it('reads Sino-Korean numbers without 일 before a place and with a space after 만', () => {
    expect(koreanSinoNumber('1234')).toBe('천이백삼십사');
    expect(koreanSinoNumber('10')).toBe('십');
    expect(koreanSinoNumber('12500')).toBe('만 이천오백');
    expect(koreanSinoNumber('20000')).toBe('이만');
    expect(koreanSinoNumber('100000000')).toBe('일억');
    expect(koreanSinoNumber('0')).toBe('영');
  });

  it('reads native numbers for counting', () => {
    expect([1, 2, 3, 4, 20, 21, 99].map(koreanNativeNumber)).toEqual([
      '한',
      '두',
      '세',
      '네',
      '스무',
      '스물한',
      '아흔아홉',
    ]);
  });

  it('reads menu keys with 번 as Sino-Korean (issue 19: 1번 is 일 번)', () => {
    expect(readKoreanNumbers('잔액 조회는 1번을 누르세요.')).toBe('잔액 조회는 일 번을 누르세요.');
    expect(readKoreanNumbers('상담원 연결은 0번을 누르세요.')).toBe('상담원 연결은 영 번을 누르세요.');
  });

  it('reads native counters natively and a range with the counter on both ends', () => {
    expect(readKoreanNumbers('4자리 숫자')).toBe('네 자리 숫자');
    expect(readKoreanNumbers('3개')).toBe('세 개');
    expect(readKoreanNumbers('1번째')).toBe('첫 번째');
    expect(readKoreanNumbers('1~4자리')).toBe('한 자리에서 네 자리');
  });

  it('reads amounts, decimals, percentages, dates and times', () => {
    expect(readKoreanNumbers('₩12,500')).toBe('만 이천오백 원');
    expect(readKoreanNumbers('-US$1,234.50')).toBe('마이너스 천이백삼십사 점 오 달러');
    expect(readKoreanNumbers('12.50')).toBe('십이 점 오영');
    expect(readKoreanNumbers('50%')).toBe('오십 퍼센트');
    expect(readKoreanNumbers('2026-06-10')).toBe('이천이십육년 유월 십일');
    expect(readKoreanNumbers('1시 30분')).toBe('한 시 삼십 분');
    expect(readKoreanNumbers('14:30')).toBe('십사 시 삼십 분');
  });

  it('reads phone numbers, card endings and long codes digit by digit with 공', () => {
    expect(readKoreanNumbers('010-1234-5678')).toBe('공일공, 일이삼사, 오육칠팔');
    expect(readKoreanNumbers('끝자리 1234 카드')).toBe('끝자리 일이삼사 카드');
    expect(readKoreanNumbers('예: 19900517.')).toBe('예: 일구구공공오일칠.');
  });

  it('reads full-width digits and currency signs like ASCII ones', () => {
    expect(readKoreanNumbers('１번을 누르세요')).toBe('일 번을 누르세요');
    expect(readKoreanNumbers('￦５００')).toBe('오백 원');
  });

  it('names the keypad symbols in Korean', () => {
    expect(readKoreanNumbers('#')).toContain('우물 정자');
    expect(readKoreanNumbers('*')).toContain('별표');
  });
});
