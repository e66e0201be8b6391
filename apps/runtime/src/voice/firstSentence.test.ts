import { describe, expect, it } from 'vitest';
import { firstSentence } from './firstSentence.ts';

describe('firstSentence', () => {
  it('splits a prompt after its first sentence', () => {
    expect(firstSentence('Welcome to Omni Bank.  This call may be recorded! Can I help?')).toEqual([
      'Welcome to Omni Bank.',
      'This call may be recorded! Can I help?',
    ]);
    expect(firstSentence('Sorry? Say it again')).toEqual(['Sorry?', 'Say it again']);
  });

  it('does not end the first sentence at an abbreviation, an initial or a decimal point', () => {
    expect(firstSentence('Dr. Smith and J. R. Jones are in. Bye.')).toEqual([
      'Dr. Smith and J. R. Jones are in.',
      'Bye.',
    ]);
    expect(firstSentence('Your balance is 12.50 dollars. Bye.')).toEqual(['Your balance is 12.50 dollars.', 'Bye.']);
  });

  it('splits after a Chinese full stop, which has no space after it', () => {
    expect(firstSentence('欢迎致电欧米银行。请说出您的需求！')).toEqual(['欢迎致电欧米银行。', '请说出您的需求！']);
  });

  it('keeps a single sentence whole, and gives nothing for blank text', () => {
    expect(firstSentence('Main menu.')).toEqual(['Main menu.']);
    expect(firstSentence('Main menu')).toEqual(['Main menu']);
    expect(firstSentence('  ')).toEqual([]);
  });
});
