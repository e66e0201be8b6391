import type { ConditionCase, ConditionConfig, SetConfig } from '@omniflow/flow-engine/specs';
import { isNumeric, quoteString, sanitizeIdentifier } from '../shared/expressionText.ts';
import { numberAt, stringAt } from '../shared/jsonGuards.ts';
import { errorTarget, type ConnectAction, type ConnectConditionBranch } from './connectAction.ts';
import type { ConnectContext } from './ConnectContext.ts';
import { CONNECT_CHANNEL_EXPRESSION, connectValueToExpression } from './connectReferences.ts';

/** `Compare` → a `condition` node: one case per condition, `NoMatchingCondition` on `default`. */
export function mapConnectCompare(action: ConnectAction, ctx: ConnectContext): void {
  const subject = connectValueToExpression(
    stringAt(action.parameters, 'ComparisonValue') ?? '',
    ctx.builder,
    action.id,
  );
  const fallback = errorTarget(action, 'NoMatchingCondition', 'NoMatchingError') ?? action.next;
  addConditionNode(action, ctx, subject, action.conditions, fallback);
}

/** Adds a condition node testing `subject` against Connect condition branches, `default` going to `fallback`. */
export function addConditionNode(
  action: ConnectAction,
  ctx: ConnectContext,
  subject: string,
  branches: readonly ConnectConditionBranch[],
  fallback: string | undefined,
  asDerived?: { suffix: string },
): string {
  const cases: ConditionCase[] = branches.map((branch, index) => ({
    id: `case${index + 1}`,
    label: `${branch.operator} ${branch.operands.join(', ')}`,
    when: connectConditionExpression(subject, branch, ctx, action.id),
  }));
  const config: ConditionConfig = { cases };
  const id = asDerived
    ? ctx.addDerivedNode(
        action,
        asDerived.suffix,
        { type: 'condition', label: 'Check the input', config: { ...config } },
        { x: 0, y: 150 },
      )
    : ctx.addActionNode(action, 'condition', { ...config });
  branches.forEach((branch, index) =>
    ctx.builder.connect(id, `case${index + 1}`, ctx.target(branch.next, action.id), action.id),
  );
  ctx.builder.connect(id, 'default', ctx.target(fallback, action.id), action.id);
  return id;
}

/** One Connect condition (`Equals`, `NumberGreaterThan`, `TextContains` …) as an expression over `subject`. */
export function connectConditionExpression(
  subject: string,
  branch: ConnectConditionBranch,
  ctx: ConnectContext,
  sourceRef: string,
): string {
  const operand = branch.operands[0] ?? '';
  const literal = quoteString(operand);
  const numberLiteral = isNumeric(operand) ? String(Number(operand)) : `number(${literal})`;
  if (branch.operands.length > 1) {
    ctx.builder.note(
      'approximate',
      sourceRef,
      `Condition ${branch.operator} has ${branch.operands.length} operands; only the first ("${operand}") is compared.`,
    );
  }
  if (subject === CONNECT_CHANNEL_EXPRESSION && branch.operator === 'Equals')
    return connectChannelEquals(operand, ctx, sourceRef);
  switch (branch.operator) {
    case 'Equals':
      // Connect compares text: a Lambda's JSON `true` equals "true".
      return `string(${subject}) == ${literal}`;
    case 'NumberGreaterThan':
      return `number(${subject}) > ${numberLiteral}`;
    case 'NumberGreaterOrEqualTo':
      return `number(${subject}) >= ${numberLiteral}`;
    case 'NumberLessThan':
      return `number(${subject}) < ${numberLiteral}`;
    case 'NumberLessOrEqualTo':
      return `number(${subject}) <= ${numberLiteral}`;
    case 'TextStartsWith':
      return `startsWith(string(${subject}), ${literal})`;
    case 'TextEndsWith':
      return `endsWith(string(${subject}), ${literal})`;
    case 'TextContains':
      return `contains(string(${subject}), ${literal})`;
    default:
      ctx.builder.note(
        'unsupported',
        sourceRef,
        `The comparison operator "${branch.operator}" is unknown; its case never matches.`,
      );
      return 'false';
  }
}

/**
 * `Loop` → a counter: a condition `loop_x < N` whose case increments the counter and continues, and whose
 * default resets it and leaves — the same ContinueLooping ×N then DoneLooping that Connect runs.
 */
export function mapConnectLoop(action: ConnectAction, ctx: ConnectContext): void {
  const count = numberAt(action.parameters, 'LoopCount') ?? 1;
  const counter = ctx.builder.declare(
    sanitizeIdentifier(`loop_${action.id}`),
    'number',
    `Iterations of Amazon Connect loop ${action.id}`,
  );
  const branch = (name: string): string | undefined =>
    action.conditions.find((condition) => condition.operands.some((operand) => operand === name))?.next;
  const again = branch('ContinueLooping');
  const done = branch('DoneLooping') ?? action.next;
  const check: ConditionConfig = {
    cases: [{ id: 'continue', label: `Fewer than ${count} rounds`, when: `${counter} < ${count}` }],
  };
  const checkId = ctx.addActionNode(action, 'condition', { ...check }, `Loop ×${count}`);
  const increment: SetConfig = { assignments: [{ variable: counter, value: `${counter} + 1` }] };
  const incrementId = ctx.addDerivedNode(
    action,
    'next',
    { type: 'set', label: 'Count the round', config: { ...increment } },
    { x: -120, y: 150 },
  );
  const reset: SetConfig = { assignments: [{ variable: counter, value: '0' }] };
  const resetId = ctx.addDerivedNode(
    action,
    'done',
    { type: 'set', label: 'Reset the loop', config: { ...reset } },
    { x: 120, y: 150 },
  );
  ctx.builder.connect(checkId, 'continue', incrementId, action.id);
  ctx.builder.connect(checkId, 'default', resetId, action.id);
  ctx.builder.connect(incrementId, 'next', ctx.target(again, action.id), action.id);
  ctx.builder.connect(resetId, 'next', ctx.target(done, action.id), action.id);
  ctx.builder.note(
    'info',
    action.id,
    `Loop ×${count} became a counter in the variable "${counter}" (a condition and two set nodes).`,
  );
}

/** `$.Channel Equals X` as a test of Omniflow's channel: VOICE is a call (dtmf or voice), CHAT is chat. */
function connectChannelEquals(operand: string, ctx: ConnectContext, sourceRef: string): string {
  const channel = operand.trim().toUpperCase();
  const translated =
    channel === 'VOICE' ? "contact.channel != 'chat'" : channel === 'CHAT' ? "contact.channel == 'chat'" : undefined;
  if (translated === undefined) {
    ctx.builder.note(
      'unsupported',
      sourceRef,
      `$.Channel Equals "${operand}": Omniflow has no ${operand} channel (only calls and chat), so this branch never matches.`,
    );
    return 'false';
  }
  ctx.builder.note('info', sourceRef, `$.Channel Equals "${operand}" was translated to ${translated}.`);
  return translated;
}
