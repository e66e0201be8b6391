import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import { isNumeric, quoteString } from '../shared/expressionText.ts';
import { arrayAt, stringAt } from '../shared/jsonGuards.ts';
import { liquidToExpression } from './liquidTemplate.ts';

/** One `split-based-on` condition (`{ type, value, arguments }`) as an expression over its argument. */
export function studioConditionExpression(
  condition: unknown,
  input: string,
  builder: FlowBuilder,
  sourceRef: string,
): string {
  const type = stringAt(condition, 'type') ?? 'equal_to';
  const argument = arrayAt(condition, 'arguments').find((item): item is string => typeof item === 'string') ?? input;
  const subject = liquidToExpression(argument, builder, sourceRef);
  // Studio compares the text of a value: a JSON `true` from a function equals "true".
  const text = `string(${subject})`;
  const raw = stringAt(condition, 'value') ?? '';
  const value = raw.includes('{{') ? liquidToExpression(raw, builder, sourceRef) : quoteString(raw);
  const numeric = isNumeric(raw) ? String(Number(raw)) : `number(${value})`;
  const list = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (subject === 'contact.channel') {
    const translated = channelCondition(type, type.includes('any_of') ? list : [raw.trim()]);
    if (translated !== undefined) {
      builder.note(
        'approximate',
        sourceRef,
        `The channel test ${type} "${raw}" was translated to ${translated}: Omniflow knows calls (dtmf, voice) and chat, so every message channel (sms, whatsapp, web…) is chat.`,
      );
      return translated;
    }
  }
  switch (type) {
    case 'equal_to':
      return `${text} == ${value}`;
    case 'not_equal_to':
      return `${text} != ${value}`;
    case 'matches_any_of':
      return list.length === 0 ? 'false' : `(${list.map((item) => `${text} == ${quoteString(item)}`).join(' || ')})`;
    case 'does_not_match_any_of':
      return list.length === 0 ? 'true' : `(${list.map((item) => `${text} != ${quoteString(item)}`).join(' && ')})`;
    case 'is_blank':
      return `isEmpty(${subject})`;
    case 'is_not_blank':
      return `!isEmpty(${subject})`;
    case 'contains':
      return `contains(${text}, ${value})`;
    case 'starts_with':
      return `startsWith(${text}, ${value})`;
    case 'less_than':
      return `number(${subject}) < ${numeric}`;
    case 'greater_than':
      return `number(${subject}) > ${numeric}`;
    case 'regex':
      return regexExpression(raw, text, builder, sourceRef);
    case 'is_before_time':
    case 'is_after_time':
      builder.note(
        'approximate',
        sourceRef,
        `${type} "${raw}" became a text comparison of the value with "${raw}"; check the time format and zone.`,
      );
      return `${text} ${type === 'is_before_time' ? '<' : '>'} ${value}`;
    case 'is_before_date':
    case 'is_after_date':
      builder.note('approximate', sourceRef, `${type} "${raw}" became daysBetween on YYYY-MM-DD dates.`);
      return `daysBetween(${subject}, ${value}) ${type === 'is_before_date' ? '>' : '<'} 0`;
    default:
      builder.note(
        'unsupported',
        sourceRef,
        `The split condition type "${type}" is unknown; its branch never matches.`,
      );
      return 'false';
  }
}

// The expression language has no regular expressions: anchored or plain literals become equality/prefix/suffix/contains.
function regexExpression(pattern: string, text: string, builder: FlowBuilder, sourceRef: string): string {
  const match = /^(\^?)((?:[^\\^$.|?*+()[\]{}]|\\.)*)(\$?)$/.exec(pattern);
  if (match) {
    const literal = quoteString((match[2] ?? '').replace(/\\(.)/g, '$1'));
    const [start, end] = [match[1] === '^', match[3] === '$'];
    builder.note(
      'approximate',
      sourceRef,
      `The regex /${pattern}/ became a plain text comparison (the expression language has no regular expressions).`,
    );
    if (start && end) return `${text} == ${literal}`;
    if (start) return `startsWith(${text}, ${literal})`;
    if (end) return `endsWith(${text}, ${literal})`;
    return `contains(${text}, ${literal})`;
  }
  builder.note(
    'unsupported',
    sourceRef,
    `The regex /${pattern}/ cannot be expressed without regular expressions; its branch never matches. Rewrite it as a condition.`,
  );
  return 'false';
}

// A Studio channel type compared with Omniflow's channel: voice is a call, any other channel type is a message (chat).
function channelCondition(type: string, values: readonly string[]): string | undefined {
  const negated = type === 'not_equal_to' || type === 'does_not_match_any_of';
  if (!negated && type !== 'equal_to' && type !== 'matches_any_of') return undefined;
  const kinds = new Set(values.map((value) => (value.toLowerCase() === 'voice' ? 'call' : 'chat')));
  if (kinds.size === 0) return negated ? 'true' : 'false';
  if (kinds.size === 2) return negated ? 'false' : 'true';
  const call = kinds.has('call');
  return call !== negated ? "contact.channel != 'chat'" : "contact.channel == 'chat'";
}
