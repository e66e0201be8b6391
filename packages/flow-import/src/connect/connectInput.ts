import type { AskConfig, MenuConfig, MenuOption, SlotConfig } from '@omniflow/flow-engine/specs';
import { booleanAt, numberAt, recordAt, stringAt } from '../shared/jsonGuards.ts';
import { errorTarget, type ConnectAction } from './connectAction.ts';
import { addConditionNode } from './connectBranching.ts';
import type { ConnectContext } from './ConnectContext.ts';
import { connectPrompt } from './connectPrompt.ts';
import { menuOptionLabel } from './menuOptionLabel.ts';

// Connect gives one chance and takes the error branch; Omniflow's retry policies say the same with 0 retries.
const NO_RETRY = { maxRetries: 0 };

/**
 * `GetParticipantInput` (DTMF) → a `menu` when every condition is one key, an `ask` for digits when the
 * input is stored (`$.StoredCustomerInput`), else an `ask` followed by a `condition` on what was typed.
 */
export function mapConnectInput(action: ConnectAction, ctx: ConnectContext): void {
  noteTimeout(action, ctx);
  const noInput = errorTarget(action, 'InputTimeLimitExceeded', 'NoMatchingError') ?? action.next;
  const noMatch =
    errorTarget(action, 'InvalidPhoneNumber', 'InvalidNumber', 'NoMatchingCondition', 'NoMatchingError') ?? action.next;
  const singleKeys =
    action.conditions.length > 0 &&
    action.conditions.every(
      (c) => c.operator === 'Equals' && c.operands.length === 1 && /^[0-9]$/.test(c.operands[0] ?? ''),
    );
  if (booleanAt(action.parameters, 'StoreInput') !== true && singleKeys) {
    mapMenu(action, ctx, noInput, errorTarget(action, 'NoMatchingCondition', 'NoMatchingError') ?? action.next);
    return;
  }
  const stored = booleanAt(action.parameters, 'StoreInput') === true;
  const variable = ctx.builder.declare(
    stored ? 'storedCustomerInput' : `input_${ctx.nodeId(action).replace(/\W/g, '_')}`,
    'string',
    'Digits the caller typed',
  );
  const config: AskConfig = {
    prompt: connectPrompt(action, ctx, 'Please enter your input.'),
    variable,
    slot: digitSlot(action, ctx),
    noInput: NO_RETRY,
    noMatch: NO_RETRY,
  };
  const id = ctx.addActionNode(action, 'ask', { ...config });
  ctx.builder.connect(id, 'noInput', ctx.target(noInput, action.id), action.id);
  ctx.builder.connect(id, 'noMatch', ctx.target(noMatch, action.id), action.id);
  if (action.conditions.length === 0) {
    ctx.builder.connect(id, 'next', ctx.target(action.next, action.id), action.id);
    return;
  }
  const conditionId = addConditionNode(
    action,
    ctx,
    variable,
    action.conditions,
    errorTarget(action, 'NoMatchingCondition', 'NoMatchingError') ?? action.next,
    { suffix: 'check' },
  );
  ctx.builder.connect(id, 'next', conditionId, action.id);
  ctx.builder.note(
    'info',
    action.id,
    'The input conditions are not single keys; the digits are collected by an ask node and tested by a condition node.',
  );
}

/** `ConnectParticipantWithLexBot` (legacy `LexBot` or `LexV2Bot`) → a menu whose options are the bot's intents. */
export function mapConnectLexBot(action: ConnectAction, ctx: ConnectContext): void {
  const legacy = recordAt(action.parameters, 'LexBot');
  const v2 = recordAt(action.parameters, 'LexV2Bot');
  const metadata = ctx.metadata(action.id);
  const botName =
    stringAt(legacy, 'Name') ?? stringAt(metadata, 'lexV2BotName') ?? stringAt(v2, 'AliasArn') ?? 'Lex bot';
  if (stringAt(legacy, 'Name') !== undefined) {
    ctx.builder.note('info', action.id, `Legacy (Lex V1) bot "${botName}" read from the LexBot parameter.`);
  }
  const intents = action.conditions.filter((c) => c.operator === 'Equals' && c.operands[0] !== undefined);
  const noMatch = errorTarget(action, 'NoMatchingCondition', 'NoMatchingError') ?? action.next;
  const noInput =
    errorTarget(action, 'InputTimeLimitExceeded', 'NoMatchingError', 'NoMatchingCondition') ?? action.next;
  const prompt = connectPrompt(action, ctx, 'How can I help you?');
  if (intents.length === 0) {
    const variable = ctx.builder.declare('lex_utterance', 'string', `What the caller said to Lex bot ${botName}`);
    const config: AskConfig = { prompt, variable, slot: { type: 'text' }, noInput: NO_RETRY, noMatch: NO_RETRY };
    const id = ctx.addActionNode(action, 'ask', { ...config }, `Lex bot ${botName}`);
    ctx.builder.connect(id, 'next', ctx.target(noMatch, action.id), action.id);
    ctx.builder.connect(id, 'noInput', ctx.target(noInput, action.id), action.id);
    ctx.builder.connect(id, 'noMatch', ctx.target(noInput, action.id), action.id);
    ctx.builder.note(
      'approximate',
      action.id,
      `Lex bot "${botName}" has no intent branches in the flow: the conversation the bot held is not imported; one reply is collected into "${variable}" and the flow continues on its default branch.`,
    );
    return;
  }
  const options: MenuOption[] = intents.slice(0, 9).map((intent, index) => {
    const name = intent.operands[0] ?? '';
    const words = humanize(name);
    return {
      key: String(index + 1),
      label: ctx.builder.prompt(words).text,
      synonyms: { [ctx.builder.locale]: [...new Set([name, words])] },
    };
  });
  const config: MenuConfig = { prompt, options, noInput: NO_RETRY, noMatch: NO_RETRY };
  const id = ctx.addActionNode(action, 'menu', { ...config }, `Lex bot ${botName}`);
  intents
    .slice(0, 9)
    .forEach((intent, index) =>
      ctx.builder.connect(id, String(index + 1), ctx.target(intent.next, action.id), action.id),
    );
  ctx.builder.connect(id, 'noMatch', ctx.target(noMatch, action.id), action.id);
  ctx.builder.connect(id, 'noInput', ctx.target(noInput, action.id), action.id);
  ctx.builder.note(
    'approximate',
    action.id,
    `Lex bot "${botName}" became intent routing: a menu whose options are its intents (${intents.map((i) => i.operands[0]).join(', ')}), matched on their names; add training phrases as synonyms. Slots and the bot's own dialog are not imported.`,
  );
  for (const extra of intents.slice(9)) {
    ctx.builder.note(
      'unsupported',
      action.id,
      `Intent "${extra.operands[0] ?? ''}" is beyond the 9 options a menu offers; it was not imported.`,
    );
  }
}

function mapMenu(
  action: ConnectAction,
  ctx: ConnectContext,
  noInput: string | undefined,
  noMatch: string | undefined,
): void {
  const prompt = connectPrompt(action, ctx, 'Please choose an option.');
  const promptText = Object.values(prompt.text)[0] ?? '';
  const options: MenuOption[] = action.conditions.map((condition) => {
    const key = condition.operands[0] ?? '';
    return { key, label: ctx.builder.prompt(menuOptionLabel(promptText, key)).text };
  });
  const unique = options.filter((option, index) => options.findIndex((o) => o.key === option.key) === index);
  const config: MenuConfig = { prompt, options: unique, noInput: NO_RETRY, noMatch: NO_RETRY };
  const id = ctx.addActionNode(action, 'menu', { ...config });
  for (const option of unique) {
    const branch = action.conditions.find((condition) => condition.operands[0] === option.key);
    ctx.builder.connect(id, option.key, ctx.target(branch?.next, action.id), action.id);
  }
  ctx.builder.connect(id, 'noInput', ctx.target(noInput, action.id), action.id);
  ctx.builder.connect(id, 'noMatch', ctx.target(noMatch, action.id), action.id);
  if (unique.length < options.length)
    ctx.builder.note('approximate', action.id, 'A key had two branches; the first one is kept.');
  ctx.builder.note(
    'info',
    action.id,
    'Option labels (for voice and chat) were read from the prompt text; review them.',
  );
}

function digitSlot(action: ConnectAction, ctx: ConnectContext): SlotConfig {
  const validation = recordAt(action.parameters, 'InputValidation');
  const custom = recordAt(validation, 'CustomValidation');
  const phone = recordAt(validation, 'PhoneNumberValidation');
  const dtmf = recordAt(action.parameters, 'DTMFConfiguration');
  const slot: SlotConfig = { type: 'digits', minLength: 1 };
  const maxLength = numberAt(custom, 'MaximumLength');
  if (maxLength !== undefined) slot.maxLength = maxLength;
  if (Object.keys(phone).length > 0) {
    const local = stringAt(phone, 'NumberFormat') === 'Local';
    slot.minLength = local ? 10 : 8;
    slot.maxLength = 15;
    ctx.builder.note(
      'approximate',
      action.id,
      `Phone number validation (${stringAt(phone, 'NumberFormat') ?? 'E164'} ${stringAt(phone, 'CountryCode') ?? ''}) became a check for ${slot.minLength}–15 digits.`.replace(
        ' )',
        ')',
      ),
    );
  }
  const terminator = stringAt(dtmf, 'InputTerminationSequence');
  if (terminator !== undefined && terminator !== '') slot.terminator = terminator.slice(0, 1);
  if (booleanAt(dtmf, 'DisableCancelKey') === false) {
    ctx.builder.note('info', action.id, 'The cancel key (*) of Connect input is not imported.');
  }
  return slot;
}

function noteTimeout(action: ConnectAction, ctx: ConnectContext): void {
  const seconds = numberAt(action.parameters, 'InputTimeLimitSeconds');
  if (seconds === undefined) return;
  const current = ctx.builder.settings.noInputTimeoutSeconds;
  if (current === undefined) {
    ctx.builder.settings.noInputTimeoutSeconds = seconds;
    ctx.builder.note('info', action.id, `The input timeout of ${seconds} s became the flow's no-input timeout.`);
  } else if (current !== seconds) {
    ctx.builder.note(
      'approximate',
      action.id,
      `The input timeout of ${seconds} s differs from the flow's ${current} s, which applies instead.`,
    );
  }
}

function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}
