/** One way to answer, as JSGF sees it: the words a caller may say and the tag the recognizer returns. */
export interface GrammarAlternative {
  tag: string;
  phrases: readonly string[];
}

/**
 * A JSGF grammar accepting any of the phrases (tagged with their alternative's tag) so a constrained
 * recognizer can be used; phrases are lower-cased and stripped of JSGF syntax characters.
 */
export function buildJsgfGrammar(name: string, alternatives: readonly GrammarAlternative[], locale: string): string {
  const rule = name.replace(/[^A-Za-z0-9_]/g, '_') || 'answer';
  const items = alternatives.flatMap((alternative) =>
    [...new Set(alternative.phrases.map(cleanPhrase).filter((phrase) => phrase !== ''))].map((phrase) => `${phrase} {${cleanTag(alternative.tag)}}`),
  );
  return `#JSGF V1.0 UTF-8 ${locale};\ngrammar ${rule};\npublic <${rule}> = ${items.length > 0 ? items.join(' | ') : '<NULL>'};\n`;
}

/** A JSGF grammar for a string of spoken digits. */
export function digitsJsgfGrammar(locale: string): string {
  return `#JSGF V1.0 UTF-8 ${locale};\ngrammar digits;\n<digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;\npublic <digits> = <digit>+;\n`;
}

function cleanPhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/[;=|*+<>()[\]{}"\\/]/g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanTag(tag: string): string {
  return tag.replace(/[{}]/g, '');
}
