import { exhaustive } from '@omniflow/flow-schema';
import { checkJsgf, type JsgfItem, type JsgfSequence } from './checkJsgf.ts';

/** Rule references are followed this deep at most, which bounds recursive rules. */
const MAX_RULE_DEPTH = 32;

/**
 * Whether a JSGF grammar's public rule (the first one, or `ruleName`) accepts a sentence of space-separated
 * words, compared exactly — for tests and simulators that check a transcript is in-grammar. Returns false
 * for a malformed grammar or a rule it does not define; recursive rules are followed 32 references deep.
 */
export function jsgfAccepts(grammar: string, sentence: string, ruleName?: string): boolean {
  const checked = checkJsgf(grammar);
  if (!checked.ok) return false;
  const start = ruleName ?? checked.publicRules[0];
  const words = sentence
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  const definitions = checked.definitions;

  /** The positions reachable after matching `alternatives` from each of `from`. */
  const matchAlternatives = (
    alternatives: readonly JsgfSequence[],
    from: ReadonlySet<number>,
    depth: number,
  ): Set<number> => {
    const reached = new Set<number>();
    for (const alternative of alternatives) {
      let positions: ReadonlySet<number> = from;
      for (const item of alternative.items) positions = matchItem(item, positions, depth);
      for (const position of positions) reached.add(position);
    }
    return reached;
  };

  const matchOnce = (item: JsgfItem, from: ReadonlySet<number>, depth: number): Set<number> => {
    switch (item.kind) {
      case 'word':
        return new Set([...from].filter((position) => words[position] === item.text).map((position) => position + 1));
      case 'ref': {
        if (item.name === 'NULL') return new Set(from);
        const body = definitions.get(item.name);
        if (body === undefined || depth >= MAX_RULE_DEPTH) return new Set();
        return matchAlternatives(body, from, depth + 1);
      }
      case 'group':
        return matchAlternatives(item.alternatives, from, depth);
      case 'optional':
        return new Set([...from, ...matchAlternatives(item.alternatives, from, depth)]);
      default:
        return exhaustive(item);
    }
  };

  const matchItem = (item: JsgfItem, from: ReadonlySet<number>, depth: number): Set<number> => {
    if (item.repeat === '') return matchOnce(item, from, depth);
    const reached = item.repeat === '*' ? new Set(from) : new Set<number>();
    let frontier = matchOnce(item, from, depth);
    while (frontier.size > 0) {
      const fresh = [...frontier].filter((position) => !reached.has(position));
      for (const position of fresh) reached.add(position);
      frontier = fresh.length === 0 ? new Set() : matchOnce(item, new Set(fresh), depth);
    }
    return reached;
  };

  const body = start === undefined ? undefined : definitions.get(start);
  if (body === undefined) return false;
  return matchAlternatives(body, new Set([0]), 0).has(words.length);
}
