/** A piece of an SSML prompt as the local synthesizers speak it: text to synthesize, or a pause. */
export type SpeechPart = { kind: 'text'; text: string } | { kind: 'pause'; ms: number };

/** Pause lengths of `<break strength>` (as Polly times them, roughly) and of `<break/>` alone (medium). */
const STRENGTH_MS: Readonly<Record<string, number>> = {
  none: 0,
  'x-weak': 100,
  weak: 250,
  medium: 400,
  strong: 700,
  'x-strong': 1000,
};

/** Longest pause one `<break>` makes (Twilio's limit too). */
const MAX_BREAK_MS = 10_000;

/** Pause after a paragraph. */
const PARAGRAPH_MS = 400;

/** `say-as` kinds read one character at a time. */
const SPELLED = new Set(['digits', 'characters', 'spell-out', 'telephone']);

/**
 * What flite and espeak-ng can speak of an SSML prompt (validated at publish, FLOW060): breaks and paragraph ends
 * become pauses (silence made by the gateway), `say-as` digits, characters, spell-out and telephone are spelled one
 * character at a time, `sub` reads its alias; `emphasis`, `prosody`, `phoneme`, `lang` keep their text and lose
 * their effect. Malformed SSML reads as its text without tags.
 */
export function ssmlSpeech(ssml: string): SpeechPart[] {
  const parts: SpeechPart[] = [];
  const stack: { tag: string; spell: boolean; alias: string | null }[] = [];
  let text = '';
  const flush = (): void => {
    const said = text.replace(/\s+/gu, ' ').trim();
    if (said !== '') parts.push({ kind: 'text', text: said });
    text = '';
  };
  const pause = (ms: number): void => {
    flush();
    const last = parts.at(-1);
    if (last?.kind === 'pause') last.ms = Math.min(MAX_BREAK_MS, last.ms + ms);
    else if (ms > 0) parts.push({ kind: 'pause', ms: Math.min(MAX_BREAK_MS, ms) });
  };
  for (const token of ssml.matchAll(/<[^>]*>|[^<]+/gu)) {
    const piece = token[0];
    if (!piece.startsWith('<')) {
      const top = stack.at(-1);
      if (top?.alias !== null && top?.alias !== undefined) continue;
      const plain = decodeEntities(piece);
      text += stack.some((open) => open.spell) ? ` ${spell(plain)} ` : plain;
      continue;
    }
    const closing = /^<\/\s*([\w:-]+)/u.exec(piece);
    if (closing) {
      const open = stack.pop();
      if (open?.tag === 'p' || closing[1] === 'p') pause(PARAGRAPH_MS);
      else if (open?.tag === 's') text += ' ';
      continue;
    }
    const name = /^<\s*([\w:-]+)/u.exec(piece)?.[1];
    if (name === undefined) continue;
    const attributes = attributesOf(piece);
    if (name === 'break') {
      pause(breakMs(attributes));
      continue;
    }
    if (piece.endsWith('/>')) continue;
    const alias = name === 'sub' ? (attributes.get('alias') ?? null) : null;
    if (alias !== null) text += ` ${alias} `;
    stack.push({ tag: name, spell: name === 'say-as' && SPELLED.has(attributes.get('interpret-as') ?? ''), alias });
  }
  flush();
  while (parts[0]?.kind === 'pause' && parts.length > 1 && parts[1]?.kind !== 'text') parts.shift();
  return parts;
}

/** The length of a `<break>`: its `time` (ms or s), else its `strength`, else medium. */
function breakMs(attributes: ReadonlyMap<string, string>): number {
  const time = /^(\d+(?:\.\d+)?)(ms|s)$/u.exec(attributes.get('time') ?? '');
  if (time) return Math.round(Number(time[1]) * (time[2] === 's' ? 1000 : 1));
  return STRENGTH_MS[attributes.get('strength') ?? 'medium'] ?? STRENGTH_MS['medium'] ?? 400;
}

/** Characters one by one, so "1234" is read "1 2 3 4" (one, two, three, four), not one thousand…; spaces dropped. */
function spell(text: string): string {
  return [...text.replace(/[\s-]+/gu, '')].join(' ');
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu))
    attributes.set(match[1] ?? '', decodeEntities(match[2] ?? match[3] ?? ''));
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/gu, (_all, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
  });
}
