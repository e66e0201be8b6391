import type { FlowTestStep } from '@omniflow/flow-schema';
import type { OutputEvent } from '../session/sessionEvents.ts';
import type { TurnResult } from '../session/sessionTypes.ts';
import { recordTurnCoverage } from './flowTestCoverage.ts';

/** Why an expectation failed, and the node to show the analyst. */
export interface ExpectationFailure {
  message: string;
  nodeId?: string;
}

/**
 * Checks an expectation step against the latest turn; `null` when it holds. Messages say what was expected and
 * what the turn did instead, in the analyst's terms (prompts, nodes, variables, queues, outcomes).
 */
export function checkTestExpectation(step: FlowTestStep, last: TurnResult): ExpectationFailure | null {
  if ('expectPrompt' in step) {
    const said = last.outputs.flatMap((output) => (output.type === 'say' ? [output.text] : []));
    const wanted = step.expectPrompt.toLowerCase();
    if (said.some((text) => text.toLowerCase().includes(wanted))) return null;
    return {
      message: `expected a prompt containing "${step.expectPrompt}", but the flow said ${said.length === 0 ? 'nothing' : said.map((text) => `"${text}"`).join(', ')}`,
      ...where(last),
    };
  }
  if ('expectNode' in step) {
    const visited = new Set<string>();
    recordTurnCoverage(last, visited, new Set());
    if (visited.has(step.expectNode)) return null;
    return {
      message: `expected to reach node "${step.expectNode}", but the turn went through ${[...visited].join(', ') || 'no node'}`,
      nodeId: step.expectNode,
    };
  }
  if ('expectVariable' in step) {
    const { name, equals } = step.expectVariable;
    const actual = last.variables[name];
    if (JSON.stringify(actual) === JSON.stringify(equals)) return null;
    return {
      message: `expected variable "${name}" to equal ${JSON.stringify(equals)}, but it is ${JSON.stringify(actual) ?? 'not set'}`,
      ...where(last),
    };
  }
  if ('expectTransfer' in step) {
    const transfer = last.outputs.find(
      (output): output is Extract<OutputEvent, { type: 'transfer' }> => output.type === 'transfer',
    );
    const queue = step.expectTransfer.queue;
    if (transfer !== undefined && (queue === undefined || transfer.queue === queue)) return null;
    const actual =
      transfer === undefined ? 'there was no transfer' : `it went to queue "${transfer.queue ?? '(none)'}"`;
    return {
      message: `expected a transfer${queue === undefined ? '' : ` to queue "${queue}"`}, but ${actual}`,
      ...where(last),
    };
  }
  if ('expectEnd' in step) {
    const end = last.outputs.find((output): output is Extract<OutputEvent, { type: 'end' }> => output.type === 'end');
    const outcome = step.expectEnd.outcome;
    if (last.status === 'ended' && end !== undefined && (outcome === undefined || end.outcome === outcome)) return null;
    const actual =
      end === undefined
        ? 'the conversation goes on'
        : `it ended with outcome "${end.outcome ?? '(none)'}" (${end.reason})`;
    return {
      message: `expected the conversation to end${outcome === undefined ? '' : ` with outcome "${outcome}"`}, but ${actual}`,
      ...where(last),
    };
  }
  return null;
}

/** The node the analyst should look at: where the session waits, or the last node that spoke. */
function where(last: TurnResult): { nodeId?: string } {
  const nodeId = last.nodeId ?? last.outputs.findLast((output) => output.nodeId !== undefined)?.nodeId;
  return nodeId === undefined ? {} : { nodeId };
}
