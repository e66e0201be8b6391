import { describe, expect, it } from 'vitest';
import { parseAmount } from './parseAmount.ts';

describe('parseAmount', () => {
  it.each([
    ['$12.50', 12.5],
    ['12.5', 12.5],
    ['12', 12],
    ['$1,234.56', 1234.56],
    ['USD 20', 20],
    ['twelve dollars fifty', 12.5],
    ['twelve dollars and fifty cents', 12.5],
    ['twelve dollars', 12],
    ['fifty cents', 0.5],
    ['twelve fifty', 12.5],
    ['I want to pay 200 dollars', 200],
    ['five hundred', 500],
    ['one thousand two hundred dollars and five cents', 1200.05],
    ['12*50', 12.5],
    ['12*5', 12.5],
    ['100#', 100],
    ['12.345', 12.35],
    ['十二块五', 12.5],
    ['十二元五角', 12.5],
    ['三块二毛五', 3.25],
    ['五毛', 0.5],
    ['一百元', 100],
    ['12.5元', 12.5],
    ['我要转两万块钱', 20000],
    ['12,500원', 12500],
    ['만 이천 원', 12000],
    ['만이천오백원이요', 12500],
    ['12달러 50센트', 12.5],
  ])('reads %j as %d', (text, amount) => {
    expect(parseAmount(text, 'en-US')).toBe(amount);
  });

  it.each([
    '',
    'lots',
    '-5',
    'minus five dollars',
    'two cards and three',
    'twelve dollars and one hundred cents',
    '1 2 3',
  ])('returns null for %j', (text) => {
    expect(parseAmount(text, 'en-US')).toBeNull();
  });
});

describe('parseAmount in decimal-comma locales', () => {
  it.each([
    ['12,50 €', 'fr-FR', 12.5],
    ['1.234,56', 'de-DE', 1234.56],
    ['12,50', 'en-US', 12.5],
    ['1,250', 'en-US', 1250],
  ])('reads %j in %s as %s', (text, locale, amount) => {
    expect(parseAmount(text, locale)).toBe(amount);
  });
});
