import { describe, expect, it } from 'vitest';
import { DigitCollector } from './DigitCollector.ts';

function setup() {
  const clock = { t: 0, now: () => clock.t };
  return { clock, collector: new DigitCollector(clock) };
}

function pressAll(collector: DigitCollector, keys: string) {
  return [...keys].map((k) => collector.press(k)).filter((e) => e !== null);
}

describe('DigitCollector', () => {
  it('ends entry on # without including it', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 6 });
    expect(pressAll(collector, '1234#')).toEqual([{ digits: '1234', reason: 'terminator' }]);
  });

  it('ends entry at the maximum number of digits', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 4 });
    expect(pressAll(collector, '98765')).toEqual([{ digits: '9876', reason: 'maxDigits' }]);
  });

  it('clears the entry in progress on *', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 4 });
    expect(pressAll(collector, '12*3456')).toEqual([{ digits: '3456', reason: 'maxDigits' }]);
  });

  it('ends entry after 5 s without a key, measured from the last key', () => {
    const { clock, collector } = setup();
    collector.expect({ maxDigits: 6 });
    collector.press('4');
    clock.t = 3000;
    collector.press('2');
    clock.t = 7999;
    expect(collector.tick()).toBeNull();
    clock.t = 8000;
    expect(collector.tick()).toEqual({ digits: '42', reason: 'timeout' });
    expect(collector.tick()).toBeNull();
  });

  it('tells how long the entry in progress has before it times out, and nothing while no entry is timed', () => {
    const { clock, collector } = setup();
    collector.press('9');
    expect(collector.msUntilTimeout()).toBeNull();
    collector.expect({ maxDigits: 4, interDigitTimeoutMs: 2000 });
    clock.t = 1500;
    expect(collector.msUntilTimeout()).toBe(500);
    clock.t = 2600;
    expect(collector.msUntilTimeout()).toBe(0);
    expect(collector.tick()).toEqual({ digits: '9', reason: 'timeout' });
    expect(collector.msUntilTimeout()).toBeNull();
  });

  it('honours a per-prompt inter-digit timeout and does not time out an empty entry', () => {
    const { clock, collector } = setup();
    collector.expect({ maxDigits: 6, interDigitTimeoutMs: 2000 });
    clock.t = 10_000;
    expect(collector.tick()).toBeNull();
    collector.press('7');
    clock.t = 12_000;
    expect(collector.tick()).toEqual({ digits: '7', reason: 'timeout' });
  });

  it('keeps keys typed ahead for the next prompts', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 1 });
    expect(pressAll(collector, '2')).toEqual([{ digits: '2', reason: 'maxDigits' }]);
    // The caller knows the menus and types on while the next prompt is still being prepared.
    expect(pressAll(collector, '31234#')).toEqual([]);
    expect(collector.expect({ maxDigits: 1 })).toEqual({ digits: '3', reason: 'maxDigits' });
    expect(collector.expect({ maxDigits: 8 })).toEqual({ digits: '1234', reason: 'terminator' });
    expect(collector.pending).toBe(false);
  });

  it('starts the inter-digit clock for type-ahead when the prompt asks', () => {
    const { clock, collector } = setup();
    collector.press('5');
    clock.t = 20_000;
    expect(collector.expect({ maxDigits: 4 })).toBeNull();
    clock.t = 24_999;
    expect(collector.tick()).toBeNull();
    clock.t = 25_000;
    expect(collector.tick()).toEqual({ digits: '5', reason: 'timeout' });
  });

  it('never shows the digits of a sensitive slot', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 4, sensitive: true });
    pressAll(collector, '482');
    expect(collector.describe()).toBe('•••');
    expect(collector.describe()).not.toMatch(/[0-9]/);
    collector.expect({ maxDigits: 4 });
    expect(collector.describe()).toBe('482');
  });

  it('ignores keys that are not on a keypad', () => {
    const { collector } = setup();
    collector.expect({ maxDigits: 2 });
    expect(pressAll(collector, 'x1?9')).toEqual([{ digits: '19', reason: 'maxDigits' }]);
  });
});
