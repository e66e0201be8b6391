import { describe, expect, it } from 'vitest';
import { checkJsgf } from './checkJsgf.ts';

const valid = [
  '#JSGF V1.0;\ngrammar menu;\npublic <choice> = balance | card activation;\n',
  '#JSGF V1.0 UTF-8 en;\ngrammar a.b;\npublic <x> = hello;',
  "#JSGF V1.0;\ngrammar menu;\npublic <choice> = [<prefix>] <item> [please];\n<prefix> = i want [to] | i'd like [to];\n<item> = balance;",
  '#JSGF V1.0;\ngrammar menu;\npublic <d> = <digit>+ | <digit>* stop;\n<digit> = one | two;',
  '#JSGF V1.0;\ngrammar menu;\npublic <w> = /0.5/ yes | /2/ no {no};',
  '#JSGF V1.0;\ngrammar menu;\n// a comment\n/* block\ncomment */ public <q> = "quoted word" | <NULL>;',
  '#JSGF V1.0;\ngrammar menu;\nimport <other.rule>;\npublic <x> = <other.rule> | ((a | b) [c]);',
  '#JSGF V1.0;\ngrammar menu;\npublic <choice> = 查询余额 | 잔액 조회;',
  '#JSGF V1.0;\ngrammar menu;\npublic <choice> = <VOID>;',
];

const invalid: [string, string, RegExp][] = [
  ['a missing header', 'grammar menu;\npublic <a> = b;', /#JSGF V1\.0/u],
  ['a wrong version', '#JSGF V2.0;\ngrammar menu;\npublic <a> = b;', /#JSGF V1\.0/u],
  ['a missing grammar line', '#JSGF V1.0;\npublic <a> = b;', /grammar/u],
  ['a grammar line without a semicolon', '#JSGF V1.0;\ngrammar menu\npublic <a> = b;', /";"/u],
  ['a rule without a semicolon', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b', /";"/u],
  ['an unclosed group', '#JSGF V1.0;\ngrammar menu;\npublic <a> = (b | c;', /"\)"/u],
  ['an unclosed optional', '#JSGF V1.0;\ngrammar menu;\npublic <a> = [b;', /"\]"/u],
  ['a stray closing bracket', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b);', /Unexpected/u],
  ['an empty alternative', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b | | c;', /Empty alternative/u],
  ['an empty rule', '#JSGF V1.0;\ngrammar menu;\npublic <a> = ;', /Empty alternative/u],
  ['an empty group', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b ();', /Empty alternative/u],
  ['an undefined rule', '#JSGF V1.0;\ngrammar menu;\npublic <a> = <b>;', /never defined/u],
  ['a rule defined twice', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b;\n<a> = c;', /twice/u],
  ['no public rule', '#JSGF V1.0;\ngrammar menu;\n<a> = b;', /public/u],
  ['a malformed rule name', '#JSGF V1.0;\ngrammar menu;\npublic <a b> = c;', /rule name/u],
  ['an unclosed rule name', '#JSGF V1.0;\ngrammar menu;\npublic <a = c;', /rule name/u],
  ['an unclosed quote', '#JSGF V1.0;\ngrammar menu;\npublic <a> = "b;', /quoted/u],
  ['an unclosed tag', '#JSGF V1.0;\ngrammar menu;\npublic <a> = b {tag;', /tag/u],
  ['a malformed weight', '#JSGF V1.0;\ngrammar menu;\npublic <a> = /x/ b;', /weight/u],
  ['an unclosed comment', '#JSGF V1.0;\ngrammar menu;\n/* public <a> = b;', /comment/u],
  ['a definition of a reserved rule', '#JSGF V1.0;\ngrammar menu;\npublic <NULL> = b;', /reserved/u],
  ['a repeat with nothing to repeat', '#JSGF V1.0;\ngrammar menu;\npublic <a> = * b;', /Empty alternative|Unexpected/u],
];

describe('checkJsgf', () => {
  it.each(valid)('accepts the well-formed grammar %#', (grammar) => {
    const result = checkJsgf(grammar);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.publicRules.length).toBeGreaterThan(0);
  });

  it.each(invalid)('rejects %s', (_what, grammar, message) => {
    const result = checkJsgf(grammar);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    const offset = result.ok ? -1 : result.offset;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThanOrEqual(grammar.length);
  });

  it('reports the grammar name and its rules', () => {
    expect(checkJsgf(valid[2] ?? '')).toMatchObject({
      ok: true,
      grammarName: 'menu',
      publicRules: ['choice'],
      rules: ['choice', 'prefix', 'item'],
    });
  });

  it('points at the offending token', () => {
    const grammar = '#JSGF V1.0;\ngrammar menu;\npublic <a> = <missing>;';
    const result = checkJsgf(grammar);
    expect(result.ok ? -1 : result.offset).toBe(grammar.indexOf('<missing>'));
  });
});
