import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import { partsToExpression, partsToTemplate, sanitizeIdentifier, type ValuePart } from '../shared/expressionText.ts';

// `$.Attributes.name`, `$.External.a.b`, `$.Lex.SessionAttributes.['key']`, `$.StoredCustomerInput`.
const REFERENCE = /\$\.([A-Za-z_]\w*)((?:\.[A-Za-z_][\w-]*|\.?\[\s*['"][^'"\]]+['"]\s*\])*)/g;

/** A Connect channel ('VOICE' | 'CHAT') computed from Omniflow's `contact.channel` (dtmf and voice are calls). */
export const CONNECT_CHANNEL_EXPRESSION = "(contact.channel == 'chat' ? 'CHAT' : 'VOICE')";

// Connect system values with an Omniflow contact equivalent (read-only system variables).
const SYSTEM_VALUES: Readonly<Record<string, string>> = {
  Channel: 'contact.channel',
  'CustomerEndpoint.Address': 'contact.callerNumber',
  'SystemEndpoint.Address': 'contact.dialedNumber',
  ContactId: 'contact.id',
  LanguageCode: 'contact.locale',
};

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

/** Every `$.Attributes.<key>` a Connect document reads (keys as written in the source). */
export function connectAttributeReads(json: string): Set<string> {
  const keys = new Set<string>();
  for (const match of json.matchAll(REFERENCE)) {
    const segments = splitSegments(match[2] ?? '');
    if (match[1] === 'Attributes' && segments.length === 1 && segments[0] !== undefined) keys.add(segments[0]);
  }
  return keys;
}

/** Splits Connect text into literal parts and, for each `$.` reference, a system value or a declared variable. */
export function connectValueParts(value: string, builder: FlowBuilder, sourceRef: string): ValuePart[] {
  const parts: ValuePart[] = [];
  let last = 0;
  for (const match of value.matchAll(REFERENCE)) {
    const path = [match[1] ?? '', ...splitSegments(match[2] ?? '')];
    parts.push({ kind: 'text', text: value.slice(last, match.index) });
    parts.push(referencePart(path, builder, sourceRef));
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

function referencePart(path: readonly string[], builder: FlowBuilder, sourceRef: string): ValuePart {
  const dotted = path.join('.');
  const system = SYSTEM_VALUES[dotted];
  if (system !== undefined) {
    builder.noteOnce(
      'info',
      sourceRef,
      `$.${dotted} became the read-only system variable ${system}${system === 'contact.channel' ? " (compared as Connect's VOICE for dtmf and voice, CHAT for chat)" : ''}.`,
    );
    // Templates show Omniflow's channel name; expressions compare Connect's, so 'VOICE'/'CHAT' checks keep working.
    return system === 'contact.channel'
      ? { kind: 'variable', name: system, expression: CONNECT_CHANNEL_EXPRESSION }
      : { kind: 'variable', name: system };
  }
  const [root = '', key] = path;
  if (root === 'Attributes' && key !== undefined && path.length === 2 && /^[A-Za-z_]\w*$/.test(key)) {
    if (!(builder.environment.writableAttributes?.has(key) ?? false)) {
      builder.noteOnce(
        'info',
        sourceRef,
        `$.Attributes.${key} is never set by the imported flows; it reads the contact attribute contact.attributes.${key}.`,
      );
      return { kind: 'variable', name: `contact.attributes.${key}` };
    }
    builder.attributeReads.add(key);
  }
  return { kind: 'variable', name: declareReference(path, builder, sourceRef) };
}

function declareReference(path: readonly string[], builder: FlowBuilder, sourceRef: string): string {
  const name = connectVariableName(path);
  const root = path[0] ?? '';
  const description = `Amazon Connect $.${path.join('.')}`;
  if (!builder.isDeclared(name)) {
    if (root === 'Lex')
      builder.note(
        'approximate',
        sourceRef,
        `$.${path.join('.')} was set by the Lex bot; it became the variable "${name}", which no imported node sets.`,
      );
    else if (root === 'Attributes' && !builder.environment.writableAttributes?.has(path[1] ?? ''))
      builder.note(
        'approximate',
        sourceRef,
        `$.${path.join('.')} is not a plain attribute name; it became the variable "${name}", which the caller data must supply.`,
      );
    else if (!['Attributes', 'External', 'StoredCustomerInput'].includes(root))
      builder.note(
        'unsupported',
        sourceRef,
        `$.${path.join('.')} is a Connect system value with no Omniflow contact equivalent; it became the variable "${name}", which the caller data must supply.`,
      );
  }
  return builder.declare(name, 'string', description);
}
