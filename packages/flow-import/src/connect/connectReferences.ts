import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import { partsToExpression, partsToTemplate, sanitizeIdentifier, type ValuePart } from '../shared/expressionText.ts';

// `$.Attributes.name`, `$.External.a.b`, `$.Lex.SessionAttributes.['key']`, `$.StoredCustomerInput`.
const REFERENCE = /\$\.([A-Za-z_]\w*)((?:\.[A-Za-z_][\w-]*|\.?\[\s*['"][^'"\]]+['"]\s*\])*)/g;

/** The Omniflow variable a Connect `$.` reference reads, by the namespace it lives in. */
export function connectVariableName(path: readonly string[]): string {
  const [root = '', ...rest] = path;
  const tail = rest.join('_');
  switch (root) {
    case 'Attributes':
      return sanitizeIdentifier(tail === '' ? 'attributes' : tail);
    case 'External':
      return sanitizeIdentifier(`external_${tail}`);
    case 'StoredCustomerInput':
      return 'storedCustomerInput';
    case 'Lex':
      return sanitizeIdentifier(`lex_${tail}`);
    default:
      return sanitizeIdentifier(`connect_${path.join('_')}`);
  }
}

/** Splits Connect text into literal parts and declared variables for each `$.` reference. */
export function connectValueParts(value: string, builder: FlowBuilder, sourceRef: string): ValuePart[] {
  const parts: ValuePart[] = [];
  let last = 0;
  for (const match of value.matchAll(REFERENCE)) {
    const path = [match[1] ?? '', ...splitSegments(match[2] ?? '')];
    parts.push({ kind: 'text', text: value.slice(last, match.index) });
    parts.push({ kind: 'variable', name: declareReference(path, builder, sourceRef) });
    last = match.index + match[0].length;
  }
  parts.push({ kind: 'text', text: value.slice(last) });
  return parts;
}

/** Connect text with `$.` references → an Omniflow `{{var}}` template. */
export function connectTextToTemplate(value: string, builder: FlowBuilder, sourceRef: string): string {
  return partsToTemplate(connectValueParts(value, builder, sourceRef));
}

/** A Connect value (literal or `$.` reference or a mix) → an Omniflow expression. */
export function connectValueToExpression(value: string, builder: FlowBuilder, sourceRef: string): string {
  return partsToExpression(connectValueParts(value, builder, sourceRef));
}

function splitSegments(tail: string): string[] {
  const segments: string[] = [];
  for (const match of tail.matchAll(/\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"\]]+)['"]\s*\]/g)) {
    segments.push(match[1] ?? match[2] ?? '');
  }
  return segments;
}

function declareReference(path: readonly string[], builder: FlowBuilder, sourceRef: string): string {
  const name = connectVariableName(path);
  const root = path[0] ?? '';
  const known = ['Attributes', 'External', 'StoredCustomerInput', 'Lex'].includes(root);
  const description = `Amazon Connect $.${path.join('.')}`;
  if (!known && !builder.isDeclared(name)) {
    builder.note(
      'approximate',
      sourceRef,
      `$.${path.join('.')} is a Connect system value; it became the variable "${name}", which the caller data must supply.`,
    );
  }
  if (root === 'Lex' && !builder.isDeclared(name)) {
    builder.note(
      'approximate',
      sourceRef,
      `$.${path.join('.')} was set by the Lex bot; it became the variable "${name}", which no imported node sets.`,
    );
  }
  return builder.declare(name, 'string', description);
}
