import type { Prompt } from '@omniflow/flow-schema';
import type { AskConfig, MessageConfig, SlotConfig, TransferConfig } from '@omniflow/flow-engine/specs';
import { sanitizeIdentifier } from '../shared/expressionText.ts';
import { numberAt, stringAt } from '../shared/jsonGuards.ts';
import { isPlaceholderValue } from '../shared/ssmlText.ts';
import { liquidToTemplate } from './liquidTemplate.ts';
import type { StudioContext, StudioWidget } from './StudioContext.ts';
import {
  mapHttpRequest,
  mapRunFunction,
  mapRunSubflow,
  mapSetVariables,
  mapSplit,
} from './studioIntegrationWidgets.ts';

// Studio gathers once and takes `timeout`; 0 retries says the same in Omniflow.
const NO_RETRY = { maxRetries: 0 };

/** Adds the Omniflow node(s) and edges of one Studio widget. */
export function mapStudioWidget(widget: StudioWidget, ctx: StudioContext): void {
  switch (widget.type) {
    case 'say-play':
      return mapSayPlay(widget, ctx);
    case 'gather-input-on-call':
      return mapGather(widget, ctx);
    case 'split-based-on':
      return mapSplit(widget, ctx);
    case 'set-variables':
      return mapSetVariables(widget, ctx);
    case 'make-http-request':
      return mapHttpRequest(widget, ctx);
    case 'run-function':
      return mapRunFunction(widget, ctx);
    case 'run-subflow':
      return mapRunSubflow(widget, ctx);
    case 'send-message':
      return mapSendMessage(widget, ctx);
    case 'send-and-wait-for-reply':
      return mapSendAndWait(widget, ctx);
    case 'send-to-flex':
    case 'enqueue-call':
    case 'connect-call-to':
      return mapTransfer(widget, ctx);
    case 'record-voicemail':
      return mapVoicemail(widget, ctx);
    default:
      return mapUnsupported(widget, ctx);
  }
}

function studioPrompt(widget: StudioWidget, ctx: StudioContext, textKey: string, fallback: string): Prompt {
  const say = stringAt(widget.properties, textKey);
  const play = stringAt(widget.properties, 'play');
  const text = say !== undefined && say.trim() !== '' ? liquidToTemplate(say, ctx.builder, widget.name) : '';
  const prompt = ctx.builder.prompt(text !== '' ? text : fallback);
  if (play !== undefined && play.trim() !== '')
    prompt.audio = { [ctx.builder.locale]: liquidToTemplate(play, ctx.builder, widget.name) };
  if (text === '' && (play === undefined || play.trim() === ''))
    ctx.builder.note('approximate', widget.name, `The widget has no ${textKey} text; "${fallback}" was used.`);
  const loop = numberAt(widget.properties, 'loop');
  if (loop !== undefined && loop > 1)
    ctx.builder.note('approximate', widget.name, `The prompt was looped ${loop} times in Studio; it is said once.`);
  const voice = stringAt(widget.properties, 'voice');
  if (voice !== undefined && voice !== '')
    ctx.builder.note(
      'info',
      widget.name,
      `The voice "${voice}" is a runtime text-to-speech setting, not part of the flow.`,
    );
  return prompt;
}

function mapSayPlay(widget: StudioWidget, ctx: StudioContext): void {
  const config: MessageConfig = {
    prompt: studioPrompt(widget, ctx, 'say', '(This prompt had no text in Twilio Studio.)'),
  };
  const id = ctx.addWidgetNode(widget, 'message', { ...config });
  ctx.builder.connect(id, 'next', ctx.target(ctx.next(widget, 'audioComplete'), widget.name), widget.name);
  const digits = stringAt(widget.properties, 'digits');
  if (digits !== undefined && digits !== '')
    ctx.builder.note('unsupported', widget.name, `Playing DTMF tones (${digits}) is not supported; they were dropped.`);
}

function mapGather(widget: StudioWidget, ctx: StudioContext): void {
  const input = stringAt(widget.properties, 'input') ?? 'dtmf speech';
  const keypad = input.includes('dtmf');
  const speech = input.includes('speech');
  const hints = (stringAt(widget.properties, 'hints') ?? '')
    .split(',')
    .map((hint) => hint.trim())
    .filter((hint) => hint !== '');
  const digits = numberAt(widget.properties, 'number_of_digits');
  const slot: SlotConfig =
    keypad && (!speech || hints.length === 0 || digits !== undefined)
      ? { type: 'digits', minLength: 1 }
      : hints.length > 0
        ? { type: 'choice' }
        : { type: 'text' };
  if (slot.type === 'digits') {
    if (digits !== undefined && digits > 0) slot.maxLength = digits;
    const finish = stringAt(widget.properties, 'finish_on_key');
    if (finish !== undefined && finish !== '') slot.terminator = finish.slice(0, 1);
  }
  if (slot.type === 'choice') {
    slot.choices = hints.map((hint) => ({ value: hint, label: { [ctx.builder.locale]: hint } }));
    ctx.builder.note(
      'approximate',
      widget.name,
      `Speech hints (${hints.join(', ')}) became the accepted choices; other answers take the no-match path.`,
    );
  }
  if (keypad && speech && slot.type === 'digits')
    ctx.builder.note(
      'approximate',
      widget.name,
      'Keypad and speech input: digits are collected (spoken digits are recognized on voice); free speech is not.',
    );
  const variable = ctx.builder.declare(
    `${sanitizeIdentifier(widget.name)}_input`,
    'string',
    `What the caller entered at ${widget.name}`,
  );
  const config: AskConfig = {
    prompt: studioPrompt(widget, ctx, 'say', 'Please enter your input.'),
    variable,
    slot,
    noInput: NO_RETRY,
    noMatch: NO_RETRY,
  };
  const speechTimeout = numberAt(widget.properties, 'speech_timeout');
  if (speechTimeout !== undefined && speechTimeout > 0) {
    config.endOfSpeechMs = Math.min(1000, Math.max(300, Math.round(speechTimeout * 1000)));
    if (config.endOfSpeechMs !== speechTimeout * 1000)
      ctx.builder.note(
        'approximate',
        widget.name,
        `speech_timeout ${speechTimeout} s became ${config.endOfSpeechMs} ms (the allowed range is 300–1000 ms).`,
      );
  }
  const timeout = numberAt(widget.properties, 'timeout');
  if (timeout !== undefined && ctx.builder.settings.noInputTimeoutSeconds === undefined)
    ctx.builder.settings.noInputTimeoutSeconds = timeout;
  const id = ctx.addWidgetNode(widget, 'ask', { ...config });
  const keypress = ctx.next(widget, 'keypress');
  const spoken = ctx.next(widget, 'speech');
  if (keypress !== undefined && spoken !== undefined && keypress !== spoken) {
    ctx.builder.note(
      'approximate',
      widget.name,
      `Keypress and speech lead to different widgets (${keypress}, ${spoken}); an ask node has one next step, the keypress one.`,
    );
  }
  const timedOut = ctx.target(ctx.next(widget, 'timeout'), widget.name);
  ctx.builder.connect(id, 'next', ctx.target(keypress ?? spoken, widget.name), widget.name);
  ctx.builder.connect(id, 'noInput', timedOut, widget.name);
  ctx.builder.connect(id, 'noMatch', timedOut, widget.name);
  ctx.builder.note(
    'info',
    widget.name,
    `The answer is stored in "${variable}" (widgets.${widget.name}.Digits / SpeechResult); an invalid answer takes the timeout path.`,
  );
}

function mapSendMessage(widget: StudioWidget, ctx: StudioContext): void {
  const config: MessageConfig = {
    prompt: studioPrompt(widget, ctx, 'body', '(This message had no text in Twilio Studio.)'),
  };
  const id = ctx.addWidgetNode(widget, 'message', { ...config });
  ctx.builder.connect(id, 'next', ctx.target(ctx.next(widget, 'sent', 'failed'), widget.name), widget.name);
  const to = stringAt(widget.properties, 'to');
  if (to !== undefined && to !== '' && !to.includes('contact.channel.address')) {
    ctx.builder.note(
      'approximate',
      widget.name,
      `The message went to "${to}" in Studio; Omniflow says it to the caller.`,
    );
  }
  const media = stringAt(widget.properties, 'media_url');
  if (media !== undefined && media !== '')
    ctx.builder.note('unsupported', widget.name, `The media attachment ${media} was dropped.`);
}

function mapSendAndWait(widget: StudioWidget, ctx: StudioContext): void {
  const variable = ctx.builder.declare(
    `${sanitizeIdentifier(widget.name)}_reply`,
    'string',
    `The reply to ${widget.name} (widgets.${widget.name}.inbound.Body)`,
  );
  const config: AskConfig = {
    prompt: studioPrompt(widget, ctx, 'body', 'Please reply.'),
    variable,
    slot: { type: 'text' },
    noInput: NO_RETRY,
    noMatch: NO_RETRY,
  };
  const id = ctx.addWidgetNode(widget, 'ask', { ...config });
  const timeout = ctx.next(widget, 'timeout');
  ctx.builder.connect(id, 'next', ctx.target(ctx.next(widget, 'incomingMessage'), widget.name), widget.name);
  ctx.builder.connect(id, 'noInput', ctx.target(timeout, widget.name), widget.name);
  ctx.builder.connect(id, 'noMatch', ctx.target(timeout, widget.name), widget.name);
  const seconds = numberAt(widget.properties, 'timeout');
  if (seconds !== undefined)
    ctx.builder.note(
      'approximate',
      widget.name,
      `The reply timeout of ${seconds} s is decided by the chat transport, not the flow.`,
    );
  if (ctx.next(widget, 'deliveryFailure') !== undefined)
    ctx.builder.note(
      'info',
      widget.name,
      "The deliveryFailure branch was not imported: delivery is the transport's concern.",
    );
}

function mapTransfer(widget: StudioWidget, ctx: StudioContext): void {
  const props = widget.properties;
  const config: TransferConfig = {};
  if (widget.type === 'connect-call-to') config.agent = stringAt(props, 'to') ?? stringAt(props, 'noun') ?? 'agent';
  else
    config.queue =
      stringAt(props, 'queue_name') ?? stringAt(props, 'workflow') ?? stringAt(props, 'workflow_sid') ?? 'default';
  const attributes = stringAt(props, 'attributes');
  if (attributes !== undefined && attributes !== '')
    config.reason = liquidToTemplate(attributes, ctx.builder, widget.name);
  ctx.addWidgetNode(widget, 'transfer', { ...config });
  const destination = config.queue ?? config.agent ?? '';
  ctx.builder.note(
    isPlaceholderValue(destination) ? 'approximate' : 'info',
    widget.name,
    `${widget.type} became a transfer to ${config.queue !== undefined ? 'the queue' : 'the agent'} "${destination}"${isPlaceholderValue(destination) ? ', a placeholder to fill in' : ''}; what happens after the transfer (${widget.transitions.map((t) => t.event).join(', ')}) belongs to the contact center.`,
  );
  if (attributes !== undefined && attributes !== '')
    ctx.builder.note(
      'approximate',
      widget.name,
      'The task attributes became the transfer reason shown to the agent; all flow variables are passed with the transfer anyway.',
    );
}

function mapVoicemail(widget: StudioWidget, ctx: StudioContext): void {
  const config: MessageConfig = {
    prompt: ctx.builder.prompt('We cannot take a voicemail right now. Please call back later.'),
  };
  const id = ctx.addWidgetNode(widget, 'message', { ...config }, `${widget.name} (voicemail not supported)`);
  const endId = ctx.addDerivedNode(widget, 'end', {
    type: 'end',
    label: 'End after voicemail',
    config: { outcome: 'voicemail' },
  });
  ctx.builder.connect(id, 'next', endId, widget.name);
  ctx.builder.note(
    'unsupported',
    widget.name,
    'Recording a voicemail is not supported; the caller hears a placeholder message and the conversation ends. Its recording and transcription branches were dropped.',
  );
}

function mapUnsupported(widget: StudioWidget, ctx: StudioContext): void {
  const config: MessageConfig = {
    prompt: ctx.builder.prompt(`(Twilio Studio widget ${widget.type} was not imported.)`),
  };
  const id = ctx.addWidgetNode(widget, 'message', { ...config }, `Unsupported: ${widget.name}`);
  const next = widget.transitions.find((transition) => transition.next !== undefined)?.next;
  ctx.builder.connect(id, 'next', ctx.target(next, widget.name), widget.name);
  ctx.builder.note(
    'unsupported',
    widget.name,
    `Twilio Studio widget ${widget.type} has no Omniflow equivalent; a placeholder message stands in for it and continues to its first wired transition.`,
  );
}
