import { describe, expect, it } from 'vitest';
import { buildJsgfGrammar, GRAMMAR_YES_NO, grammarWords, type JsgfGrammarSpec } from './buildJsgfGrammar.ts';
import { checkJsgf } from './checkJsgf.ts';
import { jsgfAccepts } from './jsgfAccepts.ts';
import { parseSpokenDigits } from './parseSpokenDigits.ts';
import { parseYesNo } from './parseYesNo.ts';

const specs: [string, JsgfGrammarSpec][] = [
  [
    'a menu',
    {
      choices: ['Balance', 'Card activation!', 'check my balance'],
      keys: ['1', '2', '*'],
      extraPhrases: ['agent', 'repeat'],
    },
  ],
  ['yes/no', { yesNo: true }],
  ['four digits', { digits: { min: 4, max: 4 } }],
  ['a long digit range', { digits: { min: 1, max: 40 } }],
  [
    'everything',
    {
      choices: ['24 hour support', "What's new?"],
      keys: ['0', '#'],
      yesNo: true,
      digits: { min: 2, max: 5 },
      extraPhrases: ['(agent)'],
    },
  ],
  ['nothing', {}],
  ['phrases that are only punctuation', { choices: ['!!!', '  '] }],
  [
    'JSGF metacharacters in labels',
    { choices: ['a | b', '<rule>', 'x; public <y> = z', '[opt] (grp) *+ /1/ {tag} "q"'] },
  ],
];

describe('buildJsgfGrammar', () => {
  for (const locale of ['en-US', 'zh-CN', 'ko-KR', 'fr-FR']) {
    it.each(specs)(`builds a well-formed grammar for %s in ${locale}`, (_name, spec) => {
      const grammar = buildJsgfGrammar(spec, locale);
      const checked = checkJsgf(grammar);
      expect(checked).toMatchObject({ ok: true, grammarName: 'menu', publicRules: ['choice'] });
      expect(grammar.startsWith('#JSGF V1.0;\ngrammar menu;\npublic <choice> = ')).toBe(true);
    });
  }

  it.each(specs)(
    'writes only lower-case words, no digits and no stray punctuation outside tags for %s',
    (_name, spec) => {
      const grammar = buildJsgfGrammar(spec, 'en-US');
      const bodies = grammar
        .split('\n')
        .slice(2)
        .map((line) =>
          line
            .replace(/^(public )?<[a-z]+> = /u, '')
            .replace(/<[A-Za-z]+>/gu, '')
            .replace(/ \{[^{}]*\}/gu, ''),
        );
      for (const body of bodies) {
        expect(body).not.toMatch(/[A-Z0-9{}"/]/u);
        expect(body.replace(/;$/u, '')).not.toContain(';');
      }
    },
  );

  it('accepts each choice with and without filler, and keys said as numbers', () => {
    const grammar = buildJsgfGrammar({ choices: ['Balance', 'Card activation!'], keys: ['1', '2', '*'] }, 'en-US');
    for (const sentence of [
      'balance',
      'card activation',
      'i want to balance',
      "i'd like card activation please",
      'one',
      'option two',
      'press star',
    ]) {
      expect(jsgfAccepts(grammar, sentence)).toBe(true);
    }
    for (const sentence of ['three', 'activation', 'balance card activation'])
      expect(jsgfAccepts(grammar, sentence)).toBe(false);
  });

  it('tags tagged choices, keys and yes/no so a recognizer can report which one was said', () => {
    const grammar = buildJsgfGrammar(
      {
        name: 'menu_main-1',
        taggedChoices: [
          { tag: '2', phrases: ['Card activation', 'activate my card'] },
          { tag: 'x{y}', phrases: ['other'] },
        ],
        keys: ['2'],
        yesNo: true,
      },
      'en-US',
    );
    expect(checkJsgf(grammar)).toMatchObject({ ok: true, grammarName: 'menu_main_1' });
    expect(grammar).toContain('card activation {2} | activate my card {2} | other {xy}');
    expect(grammar).toContain('two {2}');
    expect(grammar).toContain('<yes> {yes} | <no> {no}');
    expect(jsgfAccepts(grammar, 'i want to activate my card')).toBe(true);
  });

  it('names the grammar safely', () => {
    expect(buildJsgfGrammar({ name: '9 lives!' }, 'en-US')).toContain('grammar _9_lives_;');
    expect(buildJsgfGrammar({ name: '' }, 'en-US')).toContain('grammar menu;');
  });

  it('spells numbers inside phrases as words', () => {
    const grammar = buildJsgfGrammar({ choices: ['24 hour support', 'Flight 0070'] }, 'en-US');
    expect(jsgfAccepts(grammar, 'twenty four hour support')).toBe(true);
    expect(jsgfAccepts(grammar, 'flight zero zero seven zero')).toBe(true);
  });

  it('accepts exactly the allowed number of digits, and parseSpokenDigits reads what it accepts', () => {
    const grammar = buildJsgfGrammar({ digits: { min: 4, max: 6 } }, 'en-US');
    expect(jsgfAccepts(grammar, 'four two one')).toBe(false);
    expect(jsgfAccepts(grammar, 'four two one one')).toBe(true);
    expect(jsgfAccepts(grammar, 'four two oh one one nine')).toBe(true);
    expect(jsgfAccepts(grammar, 'four two one one nine nine nine')).toBe(false);
    expect(parseSpokenDigits('four two oh one one nine', 'en-US')).toBe('420119');
  });

  it.each(['en-US', 'zh-CN', 'ko-KR'])('lists only yes and no phrases that parseYesNo understands in %s', (locale) => {
    const grammar = buildJsgfGrammar({ yesNo: true }, locale);
    const language = locale === 'en-US' ? 'en' : locale === 'zh-CN' ? 'zh' : 'ko';
    for (const phrase of GRAMMAR_YES_NO[language].yes) {
      expect(jsgfAccepts(grammar, grammarWords(phrase, language))).toBe(true);
      expect(parseYesNo(phrase, locale)).toBe(true);
    }
    for (const phrase of GRAMMAR_YES_NO[language].no) {
      expect(jsgfAccepts(grammar, grammarWords(phrase, language))).toBe(true);
      expect(parseYesNo(phrase, locale)).toBe(false);
    }
  });

  it('keeps Chinese and Korean phrases and spells their digits in the language', () => {
    const chinese = buildJsgfGrammar({ choices: ['查询余额'], keys: ['1'], digits: { min: 2, max: 2 } }, 'zh-CN');
    expect(jsgfAccepts(chinese, '查询余额')).toBe(true);
    expect(jsgfAccepts(chinese, '我要 查询余额')).toBe(true);
    expect(jsgfAccepts(chinese, '按 一')).toBe(true);
    expect(jsgfAccepts(chinese, '幺 零')).toBe(true);
    const korean = buildJsgfGrammar({ choices: ['잔액 조회'], keys: ['2'] }, 'ko-KR');
    expect(jsgfAccepts(korean, '잔액 조회')).toBe(true);
    expect(jsgfAccepts(korean, '이 번')).toBe(true);
  });

  it('yields a grammar that accepts nothing when there is nothing to say', () => {
    const grammar = buildJsgfGrammar({}, 'en-US');
    expect(grammar).toContain('public <choice> = <VOID>;');
    expect(jsgfAccepts(grammar, '')).toBe(false);
  });
});

describe('grammarWords', () => {
  it.each([
    ['Balance', 'balance'],
    ["I'd like", "i'd like"],
    ['That’s right!', "that's right"],
    ["'quoted'", 'quoted'],
    ['card-activation', 'card activation'],
    ['24/7 help', 'twenty four seven help'],
    ['Room 101', 'room one hundred one'],
    ['PIN 0000', 'pin zero zero zero zero'],
    ['a | b <c>', 'a b c'],
    ['...', ''],
  ])('turns %j into %j', (phrase, words) => {
    expect(grammarWords(phrase, 'en')).toBe(words);
  });

  it('spells digits in Chinese and Korean', () => {
    expect(grammarWords('24小时', 'zh')).toBe('二十四 小时');
    expect(grammarWords('1번', 'ko')).toBe('일 번');
  });
});
