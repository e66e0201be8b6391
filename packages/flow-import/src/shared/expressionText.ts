/**
 * A piece of a value that mixes literal text and variable references. `name` is a variable or a read-only system
 * path (`contact.callerNumber`); `expression`, when given, stands for the value in expressions (templates show `name`).
 */
export type ValuePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string; expression?: string };

// Words the expression language reserves; a variable cannot be called this.
const RESERVED = new Set(['true', 'false', 'null', 'and', 'or', 'not']);

/** Quotes a string as an expression-language literal (single quotes, escaped). */
export function quoteString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** Turns any source name (`CallBack Status`, `get-datetime-parts`, `2fa`) into a valid variable or id word. */
export function sanitizeIdentifier(name: string): string {
  let word = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (word === '') word = 'value';
  if (/^[0-9]/.test(word)) word = `v_${word}`;
  if (RESERVED.has(word)) word = `${word}_`;
  // Variable names are capped at 100 characters by the flow schema.
  return word.slice(0, 80);
}

/** Builds an expression from literal text and variables: `'Hello ' + name`; a lone variable stays bare. */
export function partsToExpression(parts: readonly ValuePart[]): string {
  const meaningful = parts.filter((part) => part.kind === 'variable' || part.text !== '');
  if (meaningful.length === 0) return "''";
  const first = meaningful[0];
  if (meaningful.length === 1 && first !== undefined && first.kind === 'variable')
    return first.expression ?? first.name;
  const pieces = meaningful.map((part) =>
    part.kind === 'text' ? quoteString(part.text) : (part.expression ?? part.name),
  );
  // A leading variable followed by `+` would add numbers; starting from '' forces string concatenation.
  return first !== undefined && first.kind === 'variable' ? ["''", ...pieces].join(' + ') : pieces.join(' + ');
}

/** Builds a `{{name}}` template from literal text and variables. */
export function partsToTemplate(parts: readonly ValuePart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : `{{${part.name}}}`)).join('');
}

/** Whether a string looks like a number literal (`200`, `-1.5`). */
export function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value.trim());
}
