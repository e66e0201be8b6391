import type { Channel, FlowDocument, FlowTestStep, Locale } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import { yesNoQuickReplies } from '../matching/renderAskHint.ts';
import type { InputEvent, OutputEvent } from '../session/sessionEvents.ts';
import type { TurnResult } from '../session/sessionTypes.ts';

/** Where a test's input lands: the flow, the session's locale and the turn the caller answers. */
export interface TestInputContext {
  flow: FlowDocument;
  locale: Locale;
  last: TurnResult;
}

/** The input event a channel receives for a test's input step, or a reason it cannot be sent in this channel. */
export type RenderedTestInput = { ok: true; input: InputEvent } | { ok: false; message: string };

const KEYPAD = /^[0-9*#]+$/;

/**
 * Renders a channel-neutral input step for one channel: `choose` becomes the choice's key (DTMF), its phrase
 * (voice) or its quick-reply value (chat); `say` is spoken or typed (keyed only when it is digits); `digits` are
 * keyed, typed, or spoken one by one (keyed in voice when the prompt is sensitive, as callers must).
 */
export function renderTestInput(
  step: FlowTestStep,
  channel: Channel,
  context: TestInputContext,
): RenderedTestInput | null {
  if ('noInput' in step) return { ok: true, input: { type: 'noInput' } };
  if ('digits' in step) return { ok: true, input: renderDigits(step.digits, channel, context.last) };
  if ('say' in step) {
    if (channel === 'chat') return { ok: true, input: { type: 'text', text: step.say } };
    if (channel === 'voice') return { ok: true, input: { type: 'speech', transcript: step.say } };
    if (KEYPAD.test(step.say)) return { ok: true, input: { type: 'dtmf', digits: step.say } };
    return {
      ok: false,
      message: `"${step.say}" cannot be keyed on a phone keypad; use a choose or digits step, or leave dtmf out of the test's channels`,
    };
  }
  if ('choose' in step) return { ok: true, input: renderChoice(step.choose, channel, context) };
  return null;
}

function renderDigits(digits: string, channel: Channel, last: TurnResult): InputEvent {
  if (channel === 'dtmf' || (channel === 'voice' && lastPrompt(last)?.expect.sensitive === true))
    return { type: 'dtmf', digits };
  if (channel === 'chat') return { type: 'text', text: digits };
  return { type: 'speech', transcript: [...digits].join(' ') };
}

function renderChoice(choice: string, channel: Channel, context: TestInputContext): InputEvent {
  const known = describeChoice(choice, context);
  if (channel === 'dtmf') return { type: 'dtmf', digits: known.key ?? choice };
  if (channel === 'voice') return { type: 'speech', transcript: known.phrase ?? choice };
  const replies = lastPrompt(context.last)?.expect.choices ?? [];
  const reply = replies.find(
    (candidate) => candidate.value === choice || candidate.value === known.key || sameText(candidate.label, choice),
  );
  return { type: 'text', text: reply?.value ?? known.phrase ?? choice };
}

/** The keypad key and spoken phrase of a choice, found in the waiting node's config (options, choices, yes/no). */
function describeChoice(choice: string, context: TestInputContext): { key?: string; phrase?: string } {
  const nodeId = context.last.nodeId;
  const node = context.flow.nodes.find((candidate) => candidate.id === nodeId);
  const found = node === undefined ? undefined : findChoice(node.config, choice, context);
  if (found !== undefined) return found;
  const yesNo = yesNoQuickReplies(context.locale).findIndex(
    (reply) => reply.value === choice.toLowerCase() || sameText(reply.label, choice),
  );
  if (yesNo !== -1) return { key: String(yesNo + 1), phrase: yesNoQuickReplies(context.locale)[yesNo]?.label };
  return KEYPAD.test(choice) ? { key: choice } : {};
}

/**
 * Looks through a node config for a list item whose `key` or `value` (or label) is the choice: a menu option keyed
 * by its `key`, an ask choice keyed by its position. Any node type listing choices this way is understood.
 */
function findChoice(
  config: unknown,
  choice: string,
  context: TestInputContext,
): { key?: string; phrase?: string } | undefined {
  if (Array.isArray(config)) {
    const index = config.findIndex(
      (item) =>
        isRecord(item) &&
        (item['key'] === choice || item['value'] === choice || sameText(labelOf(item, context), choice)),
    );
    const item: unknown = config[index];
    if (isRecord(item)) {
      const key = typeof item['key'] === 'string' ? item['key'] : String(index + 1);
      return { key, phrase: labelOf(item, context) ?? firstSynonym(item, context) };
    }
  }
  if (!isRecord(config) && !Array.isArray(config)) return undefined;
  for (const value of Object.values(config)) {
    const found = findChoice(value, choice, context);
    if (found !== undefined) return found;
  }
  return undefined;
}

function labelOf(item: Record<string, unknown>, context: TestInputContext): string | undefined {
  const label = item['label'];
  if (typeof label === 'string') return label;
  if (!isRecord(label)) return undefined;
  const text = label[context.locale] ?? label[context.flow.defaultLocale];
  return typeof text === 'string' ? text : undefined;
}

function firstSynonym(item: Record<string, unknown>, context: TestInputContext): string | undefined {
  const synonyms = item['synonyms'];
  if (!isRecord(synonyms)) return undefined;
  const list = synonyms[context.locale];
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
}

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function lastPrompt(turn: TurnResult): Extract<OutputEvent, { type: 'prompt' }> | undefined {
  return turn.outputs.findLast(
    (output): output is Extract<OutputEvent, { type: 'prompt' }> => output.type === 'prompt',
  );
}
