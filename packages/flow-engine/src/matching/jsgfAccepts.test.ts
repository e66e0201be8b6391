import { describe, expect, it } from 'vitest';
import { jsgfAccepts } from './jsgfAccepts.ts';

const grammar = [
  '#JSGF V1.0;',
  'grammar menu;',
  'public <choice> = [<prefix>] <item> [please] | <digits>;',
  "<prefix> = i want [to] | i'd like [to];",
  '<item> = balance | card activation;',
  '<digit> = one | two;',
  '<digits> = <digit> <digit> [<digit>];',
  '<many> = (yes | no)+ stop;',
  '<any> = go <digit>* now;',
].join('\n');

describe('jsgfAccepts', () => {
  it.each([
    'balance',
    'card activation',
    'i want balance',
    'i want to balance please',
    "i'd like to card activation",
    'one two',
    'one two one',
  ])('accepts %j', (sentence) => {
    expect(jsgfAccepts(grammar, sentence)).toBe(true);
  });

  it.each([
    '',
    'balances',
    'card',
    'activation card',
    'please balance',
    'one',
    'one two one two',
    'to balance',
    'balance please please',
  ])('rejects %j', (sentence) => {
    expect(jsgfAccepts(grammar, sentence)).toBe(false);
  });

  it('follows repeats', () => {
    expect(jsgfAccepts(grammar, 'yes no yes stop', 'many')).toBe(true);
    expect(jsgfAccepts(grammar, 'stop', 'many')).toBe(false);
    expect(jsgfAccepts(grammar, 'go now', 'any')).toBe(true);
    expect(jsgfAccepts(grammar, 'go one two one now', 'any')).toBe(true);
  });

  it('rejects everything for a malformed grammar or an unknown rule', () => {
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = (b;', 'b')).toBe(false);
    expect(jsgfAccepts(grammar, 'balance', 'nothing')).toBe(false);
  });

  it('matches nothing for <VOID> and the empty sentence for <NULL>', () => {
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = <VOID>;', '')).toBe(false);
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = <NULL>;', '')).toBe(true);
  });

  it('follows recursion to a bounded depth instead of looping', () => {
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = x <a> | y;', 'x x y')).toBe(true);
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = <a> y | y;', 'y y')).toBe(true);
    expect(jsgfAccepts('#JSGF V1.0;\ngrammar g;\npublic <a> = <a> y | y;', `${'y '.repeat(40)}`)).toBe(false);
  });
});
