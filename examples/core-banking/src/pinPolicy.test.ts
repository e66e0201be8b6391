import { describe, expect, it } from 'vitest';
import { checkPin, hashPin, pinMatches } from './pinPolicy.ts';

describe('PIN policy', () => {
  it('refuses repeated digits, runs and parts of the date of birth', () => {
    expect(checkPin('7777', '1985-03-14')).toBe('sameDigits');
    expect(checkPin('4321', '1985-03-14')).toBe('sequence');
    expect(checkPin('0314', '1985-03-14')).toBe('dateOfBirth');
    expect(checkPin('1403', '1985-03-14')).toBe('dateOfBirth');
    expect(checkPin('123', '1985-03-14')).toBe('format');
    expect(checkPin('1357', '1985-03-14')).toBeNull();
  });

  it('salts each hash so equal PINs hash differently, and still verifies them', () => {
    const a = hashPin('1357');
    const b = hashPin('1357');
    expect(a).not.toBe(b);
    expect(pinMatches('1357', a)).toBe(true);
    expect(pinMatches('1358', a)).toBe(false);
  });
});
