import { exhaustive } from '@omniflow/flow-schema';

/** One alternative of a JSGF expansion: a sequence of items. */
export interface JsgfSequence {
  items: JsgfItem[];
}

/** An item of a sequence, with its `*` / `+` repeat if any. */
export type JsgfItem = (
  | { kind: 'word'; text: string }
  | { kind: 'ref'; name: string }
  | { kind: 'group'; alternatives: JsgfSequence[] }
  | { kind: 'optional'; alternatives: JsgfSequence[] }
) & { repeat: '' | '*' | '+' };

/** The outcome of checkJsgf: a well-formed grammar's name and rules (each as its alternatives), or the first problem and where it is. */
export type JsgfCheck =
  | {
      ok: true;
      grammarName: string;
      publicRules: string[];
      rules: string[];
      definitions: ReadonlyMap<string, JsgfSequence[]>;
    }
  | { ok: false; error: string; offset: number };

type Token =
  | { kind: 'word'; text: string; offset: number }
  | { kind: 'rule'; name: string; offset: number }
  | { kind: 'weight'; offset: number }
  | { kind: 'tag'; offset: number }
  | { kind: 'punct'; text: string; offset: number }
  | { kind: 'end'; offset: number };

class JsgfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const SPECIAL_RULES: ReadonlySet<string> = new Set(['NULL', 'VOID', 'GARBAGE']);
const RULE_NAME = /^[\p{L}\p{N}_$.\-:]+$/u;
const WORD_CHARS = /[^\s;=|*+<>()[\]{}/"]/u;

/**
 * Checks that text is a well-formed JSGF V1.0 grammar in the subset recognizers such as pocketsphinx accept:
 * the `#JSGF V1.0;` header, one `grammar name;`, optional imports, and `[public] <rule> = expansion;` rules
 * built from words, quoted words, `<rule>` references, `( )`, `[ ]`, `|`, `*`, `+`, `/weight/` and `{tags}`.
 * Every referenced rule must be defined (or be NULL, VOID or GARBAGE), no rule twice, at least one public,
 * and no alternative or group may be empty.
 */
export function checkJsgf(text: string): JsgfCheck {
  try {
    return parseGrammar(text);
  } catch (error) {
    if (error instanceof JsgfSyntaxError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

function parseGrammar(text: string): JsgfCheck {
  const header = /^\uFEFF?#JSGF[ \t]+V1\.0(?:[ \t]+[^;\s]+){0,2}[ \t]*;/u.exec(text);
  if (header === null) throw new JsgfSyntaxError('The grammar must start with "#JSGF V1.0;".', 0);
  const tokens = tokenize(text, header[0].length);
  let at = 0;
  const peek = (): Token => tokens[at] ?? { kind: 'end', offset: text.length };
  const next = (): Token => {
    const token = peek();
    at += 1;
    return token;
  };
  const expectPunct = (symbol: string, what: string): void => {
    const token = next();
    if (token.kind !== 'punct' || token.text !== symbol)
      throw new JsgfSyntaxError(`Expected "${symbol}" ${what}.`, token.offset);
  };

  const grammarKeyword = next();
  if (grammarKeyword.kind !== 'word' || grammarKeyword.text !== 'grammar') {
    throw new JsgfSyntaxError('Expected "grammar <name>;" after the header.', grammarKeyword.offset);
  }
  const nameToken = next();
  if (nameToken.kind !== 'word' || !/^[\p{L}_$][\p{L}\p{N}_$.]*$/u.test(nameToken.text)) {
    throw new JsgfSyntaxError('Expected a grammar name (letters, digits, "_" or ".").', nameToken.offset);
  }
  expectPunct(';', 'after the grammar name');

  while (peek().kind === 'word' && tokenText(peek()) === 'import') {
    next();
    const imported = next();
    if (imported.kind !== 'rule') throw new JsgfSyntaxError('Expected "<grammar.rule>" after import.', imported.offset);
    expectPunct(';', 'after the import');
  }

  const defined = new Map<string, JsgfSequence[]>();
  const publicRules: string[] = [];
  const references: { name: string; offset: number }[] = [];

  const parseAlternatives = (closing: string): JsgfSequence[] => {
    const alternatives = [parseSequence(closing)];
    while (peek().kind === 'punct' && tokenText(peek()) === '|') {
      next();
      alternatives.push(parseSequence(closing));
    }
    return alternatives;
  };
  const parseSequence = (closing: string): JsgfSequence => {
    if (peek().kind === 'weight') next();
    const items: JsgfItem[] = [];
    for (;;) {
      const token = peek();
      if (token.kind === 'word') {
        next();
        items.push({ kind: 'word', text: token.text, repeat: '' });
      } else if (token.kind === 'rule') {
        next();
        references.push({ name: token.name, offset: token.offset });
        items.push({ kind: 'ref', name: token.name, repeat: '' });
      } else if (token.kind === 'punct' && (token.text === '(' || token.text === '[')) {
        next();
        const close = token.text === '(' ? ')' : ']';
        const alternatives = parseAlternatives(close);
        expectPunct(close, `to close the "${token.text}" opened at offset ${token.offset}`);
        items.push({ kind: token.text === '(' ? 'group' : 'optional', alternatives, repeat: '' });
      } else {
        break;
      }
      for (;;) {
        const suffix = peek();
        if (suffix.kind === 'tag') {
          next();
        } else if (suffix.kind === 'punct' && (suffix.text === '*' || suffix.text === '+')) {
          next();
          const last = items.at(-1);
          if (last !== undefined) last.repeat = last.repeat === '*' || suffix.text === '*' ? '*' : '+';
        } else {
          break;
        }
      }
    }
    if (items.length === 0) {
      const token = peek();
      throw new JsgfSyntaxError(
        `Empty alternative before ${describe(token)}; write <NULL> for "nothing" or remove the "|".`,
        token.offset,
      );
    }
    const after = peek();
    if (!(after.kind === 'punct' && (after.text === '|' || after.text === closing))) {
      throw new JsgfSyntaxError(`Unexpected ${describe(after)}; expected "|" or "${closing}".`, after.offset);
    }
    return { items };
  };

  while (peek().kind !== 'end') {
    let token = next();
    let isPublic = false;
    if (token.kind === 'word' && token.text === 'public') {
      isPublic = true;
      token = next();
    }
    if (token.kind !== 'rule')
      throw new JsgfSyntaxError(`Expected a rule definition "<name> = ...;", found ${describe(token)}.`, token.offset);
    if (SPECIAL_RULES.has(token.name))
      throw new JsgfSyntaxError(`<${token.name}> is reserved and cannot be defined.`, token.offset);
    if (defined.has(token.name)) throw new JsgfSyntaxError(`Rule <${token.name}> is defined twice.`, token.offset);
    if (isPublic) publicRules.push(token.name);
    expectPunct('=', `after <${token.name}>`);
    defined.set(token.name, parseAlternatives(';'));
    expectPunct(';', `to end rule <${token.name}>`);
  }

  const missing = references.find(
    (reference) => !defined.has(reference.name) && !SPECIAL_RULES.has(reference.name) && !reference.name.includes('.'),
  );
  if (missing !== undefined)
    throw new JsgfSyntaxError(`Rule <${missing.name}> is used but never defined.`, missing.offset);
  if (publicRules.length === 0)
    throw new JsgfSyntaxError('The grammar has no public rule; mark the top rule "public".', text.length);
  return { ok: true, grammarName: nameToken.text, publicRules, rules: [...defined.keys()], definitions: defined };
}

function tokenize(text: string, start: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (/\s/u.test(char)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new JsgfSyntaxError('Unclosed comment "/*".', i);
      i = end + 2;
    } else if (char === '<') {
      const end = text.indexOf('>', i + 1);
      const name = end < 0 ? '' : text.slice(i + 1, end);
      if (end < 0 || !RULE_NAME.test(name))
        throw new JsgfSyntaxError('Malformed rule name; write <letters_digits>.', i);
      tokens.push({ kind: 'rule', name, offset: i });
      i = end + 1;
    } else if (char === '/') {
      const end = text.indexOf('/', i + 1);
      if (end < 0 || !/^\s*\d+(?:\.\d*)?\s*$/u.test(text.slice(i + 1, end)))
        throw new JsgfSyntaxError('Malformed weight; write /1.5/.', i);
      tokens.push({ kind: 'weight', offset: i });
      i = end + 1;
    } else if (char === '{') {
      const end = text.indexOf('}', i + 1);
      if (end < 0) throw new JsgfSyntaxError('Unclosed tag "{".', i);
      tokens.push({ kind: 'tag', offset: i });
      i = end + 1;
    } else if (char === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0 || end === i + 1) throw new JsgfSyntaxError('Unclosed or empty quoted word.', i);
      tokens.push({ kind: 'word', text: text.slice(i + 1, end), offset: i });
      i = end + 1;
    } else if (';=|*+()[]'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, offset: i });
      i += 1;
    } else if (char === '>' || char === '}') {
      throw new JsgfSyntaxError(`Unexpected "${char}".`, i);
    } else {
      let end = i;
      while (end < text.length && WORD_CHARS.test(text[end] ?? '')) end += 1;
      tokens.push({ kind: 'word', text: text.slice(i, end), offset: i });
      i = end;
    }
  }
  return tokens;
}

function tokenText(token: Token): string {
  return token.kind === 'punct' || token.kind === 'word' ? token.text : '';
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'word':
      return `word "${token.text}"`;
    case 'rule':
      return `<${token.name}>`;
    case 'punct':
      return `"${token.text}"`;
    case 'weight':
      return 'a weight';
    case 'tag':
      return 'a tag';
    case 'end':
      return 'the end of the grammar';
    default:
      return exhaustive(token);
  }
}
