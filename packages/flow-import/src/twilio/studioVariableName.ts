import { sanitizeIdentifier } from '../shared/expressionText.ts';

/** Where a Studio Liquid path's value comes from, which decides how it is declared and reported. */
export type StudioValueSource =
  'flowVariable' | 'widgetInput' | 'widgetResult' | 'widgetOther' | 'callerData' | 'parentParameter' | 'system';

// Studio trigger and contact values with an Omniflow contact equivalent (read-only system variables).
const SYSTEM_VALUES: Readonly<Record<string, string>> = {
  'trigger.call.From': 'contact.callerNumber',
  'trigger.call.To': 'contact.dialedNumber',
  'trigger.message.From': 'contact.callerNumber',
  'trigger.message.To': 'contact.dialedNumber',
  'trigger.conversation.From': 'contact.callerNumber',
  'contact.channel.address': 'contact.callerNumber',
  'flow.channel.address': 'contact.dialedNumber',
  'trigger.message.ChannelAttributes.channel_type': 'contact.channel',
  'trigger.conversation.ChannelType': 'contact.channel',
};

/** The Omniflow variable a Studio Liquid path (`widgets.menu.Digits`, `flow.variables.x`, `trigger.call.From`) maps to. */
export function studioVariableName(path: readonly string[]): {
  name: string;
  source: StudioValueSource;
  resultPath?: string;
} {
  const [root = '', second = '', ...rest] = path;
  const system = SYSTEM_VALUES[path.join('.')];
  if (system !== undefined) return { name: system, source: 'system' };
  const [parameter = ''] = rest;
  // Other parameters of the call or message that started the flow are the contact's channel attributes.
  if (
    root === 'trigger' &&
    (second === 'call' || second === 'message') &&
    rest.length === 1 &&
    /^[A-Za-z_]\w*$/.test(parameter)
  )
    return { name: `contact.attributes.${parameter}`, source: 'system' };
  if (root === 'trigger' && second === 'parent' && rest[0] === 'parameters' && rest.length > 1)
    return { name: sanitizeIdentifier(rest.slice(1).join('_')), source: 'parentParameter' };
  if (root === 'flow' && second === 'variables' && rest.length > 0) {
    return { name: sanitizeIdentifier(rest.join('_')), source: 'flowVariable' };
  }
  if (root === 'widgets' && second !== '') {
    const widget = sanitizeIdentifier(second);
    const [field = '', ...more] = rest;
    if ((field === 'Digits' || field === 'SpeechResult') && more.length === 0)
      return { name: `${widget}_input`, source: 'widgetInput' };
    if (field === 'inbound' && more.join('.') === 'Body') return { name: `${widget}_reply`, source: 'widgetInput' };
    if (field === 'parsed' && more.length > 0) {
      return {
        name: sanitizeIdentifier(`${widget}_${more.join('_')}`),
        source: 'widgetResult',
        resultPath: `$.${more.join('.')}`,
      };
    }
    if (field === 'parsed' || field === 'body')
      return { name: `${widget}_body`, source: 'widgetResult', resultPath: '$' };
    if (field === 'status_code') return { name: `${widget}_status_code`, source: 'widgetResult', resultPath: 'status' };
    return { name: sanitizeIdentifier(`${widget}_${rest.join('_') || 'value'}`), source: 'widgetOther' };
  }
  if (root === 'flow' && second === 'data') {
    return { name: sanitizeIdentifier(rest.length > 0 ? `data_${rest.join('_')}` : 'flow_data'), source: 'callerData' };
  }
  return { name: sanitizeIdentifier(path.join('_')), source: 'callerData' };
}

/** Splits a Liquid variable path (`widgets.get-parts.parsed.a[0]`, `flow.data['x']`) into its segments. */
export function splitLiquidPath(path: string): string[] {
  const segments: string[] = [];
  for (const match of path.matchAll(/([A-Za-z0-9_][\w-]*)|\[\s*['"]([^'"\]]+)['"]\s*\]|\[(\d+)\]/g)) {
    segments.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return segments;
}
