import type {
  EndConfig,
  HoursConfig,
  MessageConfig,
  SetConfig,
  SubflowConfig,
  TransactionConfig,
  TransferConfig,
} from '@omniflow/flow-engine/specs';
import { isRecord } from '@omniflow/flow-schema';
import { quoteString, sanitizeIdentifier } from '../shared/expressionText.ts';
import { numberAt, recordAt, stringAt, type JsonRecord } from '../shared/jsonGuards.ts';
import { isPlaceholderValue } from '../shared/ssmlText.ts';
import { errorTarget, type ConnectAction } from './connectAction.ts';
import { mapConnectCompare, mapConnectLoop } from './connectBranching.ts';
import type { ConnectContext } from './ConnectContext.ts';
import { mapConnectInput, mapConnectLexBot } from './connectInput.ts';
import { connectPrompt } from './connectPrompt.ts';
import { connectTextToTemplate, connectValueToExpression } from './connectReferences.ts';

/** Connect actions that only change contact settings (logging, voice, recording, hooks): skipped, their next step followed. */
export const PASS_THROUGH_TYPES: ReadonlySet<string> = new Set([
  'UpdateFlowLoggingBehavior',
  'UpdateContactTextToSpeechVoice',
  'UpdateContactRecordingBehavior',
  'UpdateContactRecordingAndAnalyticsBehavior',
  'UpdateContactEventHooks',
  'UpdateContactMediaStreamingBehavior',
  'UpdateContactRoutingBehavior',
  'UpdateContactData',
]);

/** Handler name of the transaction node an `InvokeLambdaFunction` becomes; the runtime registers it. */
export const CONNECT_LAMBDA_HANDLER = 'connect.lambda';

/** The variable `UpdateContactTargetQueue` writes, read by nothing but kept for the analyst. */
export const TARGET_QUEUE_VARIABLE = 'targetQueue';

/** Adds the Omniflow node(s) and edges of one Connect action. */
export function mapConnectAction(action: ConnectAction, ctx: ConnectContext): void {
  switch (action.type) {
    case 'MessageParticipant':
      return mapMessage(action, ctx);
    case 'GetParticipantInput':
      return isRecord(action.parameters['LexBot']) || isRecord(action.parameters['LexV2Bot'])
        ? mapConnectLexBot(action, ctx)
        : mapConnectInput(action, ctx);
    case 'ConnectParticipantWithLexBot':
      return mapConnectLexBot(action, ctx);
    case 'Compare':
      return mapConnectCompare(action, ctx);
    case 'Loop':
      return mapConnectLoop(action, ctx);
    case 'UpdateContactAttributes':
      return mapAttributes(action, ctx);
    case 'UpdateContactTargetQueue':
      return mapTargetQueue(action, ctx);
    case 'UpdateContactCallbackNumber':
      return mapCallbackNumber(action, ctx);
    case 'InvokeLambdaFunction':
      return mapLambda(action, ctx);
    case 'CheckHoursOfOperation':
      return mapHours(action, ctx);
    case 'TransferToFlow':
      return mapTransferToFlow(action, ctx);
    case 'TransferContactToQueue':
      return mapTransferToQueue(action, ctx);
    case 'TransferParticipantToThirdParty':
    case 'TransferContactToAgent':
      return mapTransferToPerson(action, ctx);
    case 'EndFlowExecution':
    case 'EndFlowModuleExecution':
    case 'DisconnectParticipant':
      return mapEnd(action, ctx);
    default:
      return mapUnsupported(action, ctx);
  }
}

/** The display name of the queue an `UpdateContactTargetQueue` sets (designer name, else the ARN's queue id). */
export function queueDisplayName(action: ConnectAction, metadata: JsonRecord): string {
  const fromMetadata =
    stringAt(recordAt(metadata, 'queue'), 'text') ??
    stringAt(recordAt(recordAt(metadata, 'parameters'), 'QueueId'), 'displayName');
  if (fromMetadata !== undefined && fromMetadata !== '') return fromMetadata;
  const queueId = stringAt(action.parameters, 'QueueId') ?? '';
  return queueId.split('/').pop() || 'default';
}

function mapMessage(action: ConnectAction, ctx: ConnectContext): void {
  const config: MessageConfig = { prompt: connectPrompt(action, ctx, '(This message had no text in Amazon Connect.)') };
  const id = ctx.addActionNode(action, 'message', { ...config });
  ctx.builder.connect(
    id,
    'next',
    ctx.target(action.next ?? errorTarget(action, 'NoMatchingError'), action.id),
    action.id,
  );
  noteIgnoredErrors(action, ctx, 'a message never fails in Omniflow');
}

function mapAttributes(action: ConnectAction, ctx: ConnectContext): void {
  const attributes = recordAt(action.parameters, 'Attributes');
  const assignments: SetConfig['assignments'] = [];
  for (const [key, raw] of Object.entries(attributes)) {
    const value =
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? String(raw)
        : JSON.stringify(raw);
    const variable = ctx.builder.declare(
      sanitizeIdentifier(key),
      'string',
      `Amazon Connect contact attribute "${key}"`,
    );
    assignments.push({ variable, value: connectValueToExpression(value, ctx.builder, action.id) });
  }
  const target = stringAt(action.parameters, 'TargetContact');
  if (target !== undefined && target !== 'Current') {
    ctx.builder.note(
      'approximate',
      action.id,
      `Attributes of the ${target} contact became flow variables of this conversation.`,
    );
  }
  addSetNode(action, ctx, assignments);
}

function mapTargetQueue(action: ConnectAction, ctx: ConnectContext): void {
  const name = queueDisplayName(action, ctx.metadata(action.id));
  const variable = ctx.builder.declare(
    TARGET_QUEUE_VARIABLE,
    'string',
    'Queue chosen by Amazon Connect UpdateContactTargetQueue',
  );
  ctx.builder.note(
    'approximate',
    action.id,
    `The target queue "${name}" is stored in the variable "${variable}"; the transfer node names the queue itself.`,
  );
  addSetNode(action, ctx, [{ variable, value: quoteString(name) }]);
}

function mapCallbackNumber(action: ConnectAction, ctx: ConnectContext): void {
  const value = stringAt(action.parameters, 'CallbackNumber') ?? '';
  const variable = ctx.builder.declare('connect_CallbackNumber', 'string', 'Amazon Connect callback number');
  ctx.builder.note(
    'approximate',
    action.id,
    `The callback number is stored in "${variable}"; dialability checks (InvalidCallbackNumber, CallbackNumberNotDialable) are not imported.`,
  );
  addSetNode(action, ctx, [{ variable, value: connectValueToExpression(value, ctx.builder, action.id) }]);
}

function addSetNode(action: ConnectAction, ctx: ConnectContext, assignments: SetConfig['assignments']): void {
  const config: SetConfig = { assignments };
  const id = ctx.addActionNode(action, 'set', { ...config });
  ctx.builder.connect(
    id,
    'next',
    ctx.target(action.next ?? errorTarget(action, 'NoMatchingError'), action.id),
    action.id,
  );
  noteIgnoredErrors(action, ctx, 'an assignment never fails in Omniflow');
}

function mapLambda(action: ConnectAction, ctx: ConnectContext): void {
  const arn = stringAt(action.parameters, 'LambdaFunctionARN') ?? stringAt(action.parameters, 'FunctionArn') ?? '';
  const args: Record<string, string> = { functionArn: quoteString(arn) };
  for (const [key, raw] of Object.entries(recordAt(action.parameters, 'LambdaInvocationAttributes'))) {
    args[key] = connectValueToExpression(typeof raw === 'string' ? raw : JSON.stringify(raw), ctx.builder, action.id);
  }
  const results: Record<string, string> = {};
  for (const key of ctx.externalKeys)
    results[ctx.builder.declare(sanitizeIdentifier(`external_${key}`), 'string', `Amazon Connect $.External.${key}`)] =
      key;
  const config: TransactionConfig = { handler: CONNECT_LAMBDA_HANDLER, args, results };
  const seconds = numberAt(action.parameters, 'InvocationTimeLimitSeconds');
  if (seconds !== undefined && seconds > 0) config.timeoutMs = Math.round(seconds * 1000);
  const displayName =
    stringAt(recordAt(recordAt(ctx.metadata(action.id), 'parameters'), 'LambdaFunctionARN'), 'displayName') ??
    arn.split(':').pop() ??
    arn;
  const id = ctx.addActionNode(action, 'transaction', { ...config }, `Lambda ${displayName}`);
  const failure = ctx.target(errorTarget(action, 'NoMatchingError') ?? action.next, action.id);
  ctx.builder.connect(id, 'success', ctx.target(action.next, action.id), action.id);
  ctx.builder.connect(id, 'error', failure, action.id);
  ctx.builder.connect(id, 'timeout', failure, action.id);
  ctx.builder.note(
    'approximate',
    action.id,
    `Lambda "${displayName}" became a transaction node with handler "${CONNECT_LAMBDA_HANDLER}" (args.functionArn keeps the ARN); register that handler, or replace the node with an http node. Its result fields fill the external_* variables.`,
  );
  if (isPlaceholderValue(arn))
    ctx.builder.note('approximate', action.id, `The function ARN "${arn}" is a placeholder to fill in.`);
}

function mapHours(action: ConnectAction, ctx: ConnectContext): void {
  const config: HoursConfig = {
    timeZone: 'UTC',
    weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' })),
  };
  const id = ctx.addActionNode(action, 'hours', { ...config });
  const inHours = action.conditions.find((condition) =>
    condition.operands.some((operand) => operand.toLowerCase() === 'true'),
  );
  const outOfHours = action.conditions.find((condition) =>
    condition.operands.some((operand) => operand.toLowerCase() === 'false'),
  );
  const closed = ctx.target(outOfHours?.next ?? errorTarget(action, 'NoMatchingError') ?? action.next, action.id);
  ctx.builder.connect(id, 'open', ctx.target(inHours?.next ?? action.next, action.id), action.id);
  ctx.builder.connect(id, 'closed', closed, action.id);
  ctx.builder.connect(id, 'holiday', closed, action.id);
  const hoursName =
    stringAt(recordAt(recordAt(ctx.metadata(action.id), 'parameters'), 'HoursOfOperationId'), 'displayName') ??
    stringAt(action.parameters, 'HoursOfOperationId') ??
    "the queue's hours";
  ctx.builder.note(
    'approximate',
    action.id,
    `Hours of operation "${hoursName}" live in Amazon Connect, not in the flow: the hours node has a placeholder calendar (Mon–Fri 09:00–17:00 UTC) that must be filled in.`,
  );
}

function mapTransferToFlow(action: ConnectAction, ctx: ConnectContext): void {
  const flowArn = stringAt(action.parameters, 'ContactFlowId') ?? '';
  const metadata = ctx.metadata(action.id);
  const displayName =
    stringAt(recordAt(recordAt(metadata, 'parameters'), 'ContactFlowId'), 'displayName') ??
    stringAt(recordAt(metadata, 'ContactFlow'), 'text');
  const arnTail = flowArn.split('/').pop() ?? '';
  const name = displayName ?? (arnTail || 'flow');
  const names = [...new Set([displayName, flowArn, arnTail].filter((n): n is string => n !== undefined && n !== ''))];
  const resolved = ctx.builder.resolveFlow({ names, sourceRef: action.id }, name);
  if ('flowId' in resolved) {
    const config: SubflowConfig = { flowId: resolved.flowId, inputs: {} };
    const id = ctx.addActionNode(action, 'subflow', { ...config }, `Flow ${name}`);
    // Connect never comes back from a transfer to another flow: when that flow ends, so does the conversation.
    const endId = ctx.addDerivedNode(
      action,
      'end',
      { type: 'end', label: `End after flow ${name}`, config: { outcome: 'completed' } },
      { x: 0, y: 150 },
    );
    ctx.builder.connect(id, 'next', endId, action.id);
    ctx.builder.connect(id, 'error', ctx.target(errorTarget(action, 'NoMatchingError'), action.id), action.id);
    ctx.builder.flowReferences.push({
      nodeId: id,
      reference: { names, sourceRef: action.id },
      flowId: resolved.flowId,
    });
    ctx.builder.note(
      'info',
      action.id,
      `TransferToFlow "${name}" became a subflow node calling the imported flow "${resolved.flowId}"; the conversation ends when that flow ends, as in Connect.`,
    );
    return;
  }
  const config: TransferConfig = {
    queue: name,
    prompt: ctx.builder.prompt(`(This conversation continued in the flow "${name}", which was not imported.)`),
    reason: `Amazon Connect transfer to flow "${name}": ${resolved.unresolved}`,
  };
  const id = ctx.addActionNode(action, 'transfer', { ...config }, `Missing flow ${name}`);
  ctx.builder.flowReferences.push({ nodeId: id, reference: { names, sourceRef: action.id }, flowId: undefined });
  ctx.builder.note(
    'unsupported',
    action.id,
    `TransferToFlow "${name}": ${resolved.unresolved}, so a placeholder says which flow is missing and transfers to the queue "${name}". Import both flows together (omniflow import a.json b.json) to call it as a subflow.`,
  );
  noteIgnoredErrors(action, ctx, 'a transfer ends the conversation in Omniflow');
}

function mapTransferToQueue(action: ConnectAction, ctx: ConnectContext): void {
  const direct = stringAt(action.parameters, 'QueueId');
  const [first] = ctx.queueNames;
  const queue = direct !== undefined ? direct.split('/').pop() || direct : (first ?? 'default');
  const config: TransferConfig = { queue };
  ctx.addActionNode(action, 'transfer', { ...config }, `Transfer to ${queue}`);
  if (direct === undefined && new Set(ctx.queueNames).size > 1) {
    ctx.builder.note(
      'approximate',
      action.id,
      `The flow sets several target queues (${[...new Set(ctx.queueNames)].join(', ')}); the transfer names "${queue}" and the chosen one is in the variable "${TARGET_QUEUE_VARIABLE}".`,
    );
  } else if (direct === undefined && first === undefined) {
    ctx.builder.note(
      'approximate',
      action.id,
      'No target queue is set in this flow; the transfer goes to the queue "default".',
    );
  }
  noteIgnoredErrors(action, ctx, "queue capacity is the runtime's concern once the caller is transferred");
}

function mapTransferToPerson(action: ConnectAction, ctx: ConnectContext): void {
  const phone = stringAt(action.parameters, 'ThirdPartyPhoneNumber');
  const agent = phone ?? stringAt(action.parameters, 'AgentId') ?? 'agent';
  const config: TransferConfig = { agent: connectTextToTemplate(agent, ctx.builder, action.id) };
  ctx.addActionNode(action, 'transfer', { ...config }, `Transfer to ${agent}`);
  const how = phone !== undefined ? `the phone number ${phone}` : `the agent "${agent}"`;
  ctx.builder.note(
    'approximate',
    action.id,
    `${action.type} became a transfer to ${how}; what happens after the transfer (timeouts, returning to the flow) belongs to the contact center.`,
  );
  noteIgnoredErrors(action, ctx, 'a transfer ends the conversation in Omniflow');
}

function mapEnd(action: ConnectAction, ctx: ConnectContext): void {
  const config: EndConfig = { outcome: action.type === 'DisconnectParticipant' ? 'disconnected' : 'completed' };
  ctx.addActionNode(action, 'end', { ...config }, action.type === 'DisconnectParticipant' ? 'Disconnect' : 'End flow');
}

function mapUnsupported(action: ConnectAction, ctx: ConnectContext): void {
  const config: MessageConfig = {
    prompt: ctx.builder.prompt(`(Amazon Connect block ${action.type} was not imported.)`),
  };
  const id = ctx.addActionNode(action, 'message', { ...config }, `Unsupported: ${action.type}`);
  const next =
    action.next ??
    action.conditions.find((condition) => condition.next !== undefined)?.next ??
    action.errors.find((error) => error.next !== undefined)?.next;
  ctx.builder.connect(id, 'next', ctx.target(next, action.id), action.id);
  ctx.builder.note(
    'unsupported',
    action.id,
    `Amazon Connect block ${action.type} has no Omniflow equivalent; a placeholder message stands in for it and continues to its default next step.`,
  );
}

function noteIgnoredErrors(action: ConnectAction, ctx: ConnectContext, why: string): void {
  const types = [...new Set(action.errors.filter((error) => error.next !== undefined).map((error) => error.errorType))];
  if (types.length > 0)
    ctx.builder.note('info', action.id, `Error branches ${types.join(', ')} were not imported: ${why}.`);
}
