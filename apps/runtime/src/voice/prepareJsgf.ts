import { exhaustive } from '@omniflow/flow-schema';

/** A JSGF grammar rewritten for a recognizer's dictionary. */
export interface PreparedJsgf {
  /** The grammar with lower-case words and every alternative that needs an unknown word removed. */
  grammar: string;
  /** The distinct words it still uses. */
  words: string[];
  /** Unknown words whose alternatives were removed. */
  dropped: string[];
  /**
   * Every sentence the public rules accept, when they are finite and at most `MAX_SENTENCES` (no `*` or `+`):
   * the same language as one flat list, which pocketsphinx decodes more reliably than optional groups.
   */
  sentences: string[] | null;
}

const MAX_SENTENCES = 2000;

type Item =
  | { kind: 'word'; text: string; repeat: Repeat }
  | { kind: 'ref'; name: string; repeat: Repeat }
  | { kind: 'group'; optional: boolean; alternatives: Alternative[]; repeat: Repeat };
type Repeat = '' | '*' | '+';
interface Alternative {
  weight: string | null;
  items: Item[];
}
interface Rule {
  isPublic: boolean;
  name: string;
  body: Alternative[];
}

/**
 * Lower-cases the words of a JSGF grammar and prunes alternatives that use words the dictionary lacks (a recognizer
 * such as pocketsphinx refuses the whole grammar otherwise); returns null when no public rule survives or it does
 * not parse.
 */
export function prepareJsgf(source: string, isKnownWord: (word: string) => boolean): PreparedJsgf | null {
  const text = source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\{[^}]*\}/g, ' ');
  const header = /^\s*#JSGF[^;]*;\s*grammar\s+([\w.]+)\s*;/.exec(text);
  if (header === null) return null;
  const rules: Rule[] = [];
  for (const statement of text.slice(header[0].length).split(';')) {
    if (statement.trim() === '' || /^\s*import\b/.test(statement)) continue;
    const match = /^\s*(public\s+)?<([^<>\s]+)>\s*=([\s\S]*)$/.exec(statement);
    if (match === null) return null;
    const body = parseAlternatives(tokenize(match[3] ?? ''), { at: 0 });
    if (body === null) return null;
    rules.push({ isPublic: match[1] !== undefined, name: match[2] ?? '', body });
  }
  const dropped = new Set<string>();
  const known = (word: string): boolean => {
    if (isKnownWord(word)) return true;
    dropped.add(word);
    return false;
  };
  // Removing one rule can make the rules that use it impossible too: repeat until nothing changes.
  let live = rules;
  for (;;) {
    const names = new Set(live.map((r) => r.name));
    const next: Rule[] = [];
    for (const rule of live) {
      const body = pruneAlternatives(rule.body, known, names);
      if (body !== null) next.push({ ...rule, body });
    }
    if (next.length === live.length) {
      live = next;
      break;
    }
    live = next;
  }
  if (!live.some((r) => r.isPublic)) return null;
  const words = new Set<string>();
  for (const rule of live) collectWords(rule.body, words);
  const lines = [`#JSGF V1.0;`, `grammar ${header[1] ?? 'g'};`];
  for (const rule of live)
    lines.push(`${rule.isPublic ? 'public ' : ''}<${rule.name}> = ${printAlternatives(rule.body)};`);
  return { grammar: `${lines.join('\n')}\n`, words: [...words], dropped: [...dropped], sentences: expandPublic(live) };
}

/** Lists the sentences of the public rules, or null when a rule repeats, recurses or there are too many. */
function expandPublic(rules: Rule[]): string[] | null {
  const byName = new Map(rules.map((r) => [r.name, r]));
  const expandAlternatives = (alternatives: Alternative[], depth: number): string[][] | null => {
    const out: string[][] = [];
    for (const alternative of alternatives) {
      let partial: string[][] = [[]];
      for (const item of alternative.items) {
        if (item.repeat !== '' || depth > 20) return null;
        let options: string[][] | null;
        if (item.kind === 'word') options = [[item.text]];
        else if (item.kind === 'ref') {
          const rule = byName.get(item.name);
          options = item.name === 'NULL' ? [[]] : rule === undefined ? null : expandAlternatives(rule.body, depth + 1);
        } else {
          options = expandAlternatives(item.alternatives, depth + 1);
          if (options !== null && item.optional) options = [[], ...options];
        }
        if (options === null || partial.length * options.length > MAX_SENTENCES) return null;
        partial = partial.flatMap((head) => (options ?? []).map((tail) => [...head, ...tail]));
      }
      out.push(...partial);
      if (out.length > MAX_SENTENCES) return null;
    }
    return out;
  };
  const sentences = new Set<string>();
  for (const rule of rules.filter((r) => r.isPublic)) {
    const expanded = expandAlternatives(rule.body, 0);
    if (expanded === null) return null;
    for (const words of expanded) if (words.length > 0) sentences.add(words.join(' '));
  }
  return sentences.size > 0 ? [...sentences] : null;
}

type Token = string;

function tokenize(source: string): Token[] {
  return source.match(/\/[^/]*\/|<[^<>]+>|"[^"]*"|[|()[\]*+]|[^\s|()[\]*+<>"/]+/g) ?? [];
}

function parseAlternatives(tokens: Token[], cursor: { at: number }): Alternative[] | null {
  const alternatives: Alternative[] = [];
  for (;;) {
    let weight: string | null = null;
    const first = tokens[cursor.at];
    if (first !== undefined && first.startsWith('/')) {
      weight = first;
      cursor.at++;
    }
    const items: Item[] = [];
    for (;;) {
      const token = tokens[cursor.at];
      if (token === undefined || token === '|' || token === ')' || token === ']') break;
      cursor.at++;
      let item: Item;
      if (token === '(' || token === '[') {
        const inner = parseAlternatives(tokens, cursor);
        const close = tokens[cursor.at++];
        if (inner === null || close !== (token === '(' ? ')' : ']')) return null;
        item = { kind: 'group', optional: token === '[', alternatives: inner, repeat: '' };
      } else if (token.startsWith('<')) item = { kind: 'ref', name: token.slice(1, -1), repeat: '' };
      else if (token === '*' || token === '+' || token.startsWith('/')) return null;
      else item = { kind: 'word', text: token.replace(/"/g, '').toLowerCase(), repeat: '' };
      const suffix = tokens[cursor.at];
      if (suffix === '*' || suffix === '+') {
        item.repeat = suffix;
        cursor.at++;
      }
      items.push(item);
    }
    alternatives.push({ weight, items });
    if (tokens[cursor.at] !== '|') return alternatives;
    cursor.at++;
  }
}

function pruneAlternatives(
  alternatives: Alternative[],
  known: (w: string) => boolean,
  rules: ReadonlySet<string>,
): Alternative[] | null {
  const kept: Alternative[] = [];
  for (const alternative of alternatives) {
    const items: Item[] = [];
    let possible = true;
    for (const item of alternative.items) {
      const pruned = pruneItem(item, known, rules);
      // An impossible item that may occur zero times is simply left out.
      if (pruned === null && (item.repeat === '*' || (item.kind === 'group' && item.optional))) continue;
      if (pruned === null) {
        possible = false;
        break;
      }
      items.push(pruned);
    }
    if (possible) kept.push({ weight: alternative.weight, items });
  }
  return kept.length > 0 ? kept : null;
}

function pruneItem(item: Item, known: (w: string) => boolean, rules: ReadonlySet<string>): Item | null {
  switch (item.kind) {
    case 'word':
      return known(item.text) ? item : null;
    case 'ref':
      return item.name === 'VOID' || (item.name !== 'NULL' && !rules.has(item.name)) ? null : item;
    case 'group': {
      const alternatives = pruneAlternatives(item.alternatives, known, rules);
      return alternatives === null ? null : { ...item, alternatives };
    }
    default:
      return exhaustive(item);
  }
}

function collectWords(alternatives: Alternative[], into: Set<string>): void {
  for (const alternative of alternatives) {
    for (const item of alternative.items) {
      if (item.kind === 'word') into.add(item.text);
      else if (item.kind === 'group') collectWords(item.alternatives, into);
    }
  }
}

function printAlternatives(alternatives: Alternative[]): string {
  return alternatives
    .map((a) => `${a.weight === null ? '' : `${a.weight} `}${a.items.map(printItem).join(' ')}`)
    .join(' | ');
}

function printItem(item: Item): string {
  switch (item.kind) {
    case 'word':
      return item.text + item.repeat;
    case 'ref':
      return `<${item.name}>${item.repeat}`;
    case 'group':
      return `${item.optional ? '[' : '('}${printAlternatives(item.alternatives)}${item.optional ? ']' : ')'}${item.repeat}`;
    default:
      return exhaustive(item);
  }
}
