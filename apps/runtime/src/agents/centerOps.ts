import type { OutputEvent } from '@omniflow/flow-engine';
import type { ContactCenter } from './ContactCenter.ts';
import type { AgentDefinition, QueueDefinition } from './contactCenterTypes.ts';
import { twilioWaitStep, voiceCallback, voiceEnded, voiceEnter, voiceStateOf } from './voice/voiceCenterOps.ts';

type TransferOutput = Extract<OutputEvent, { type: 'transfer' }>;
type Signal = { type: 'typing' } | { type: 'seen'; seq: number };

/**
 * Every contact-center operation the API and the sockets call, by name. With several processes on PostgreSQL only
 * the routing process holds the {@link ContactCenter}; the others relay these calls to it (`CenterRelay`), so
 * arguments and results are JSON and an absent result is `null`.
 */
export const CENTER_OPS = {
  listQueues: (c: ContactCenter) => c.listQueues(),
  putQueue: (c: ContactCenter, queue: QueueDefinition) => c.putQueue(queue),
  deleteQueue: (c: ContactCenter, queueId: string) => c.deleteQueue(queueId),
  hasQueue: (c: ContactCenter, queueId: string) => c.router.queue(queueId) !== undefined,
  listAgents: async (c: ContactCenter) =>
    (await c.listAgents()).map((agent) => ({ ...agent, ...c.agentState(agent.id) })),
  putAgent: (c: ContactCenter, agent: AgentDefinition, passwordHash?: string) => c.putAgentHashed(agent, passwordHash),
  deleteAgent: (c: ContactCenter, agentId: string) => c.deleteAgent(agentId),
  handoff: (
    c: ContactCenter,
    contact: { id: string; flowId: string; channel: string; locale: string },
    transfer: TransferOutput,
  ) => c.handoff(contact, transfer),
  customerState: (c: ContactCenter, contactId: string) => c.customerState(contactId) ?? null,
  flowOf: (c: ContactCenter, contactId: string) => c.flowOf(contactId) ?? null,
  position: (c: ContactCenter, contactId: string) => c.router.position(contactId) ?? null,
  customerMessage: (c: ContactCenter, contactId: string, id: string, text: string) =>
    c.customerMessage(contactId, id, text),
  signal: (c: ContactCenter, contactId: string, from: 'customer' | 'agent', signal: Signal) =>
    c.signal(contactId, from, signal),
  messagesAfter: (c: ContactCenter, contactId: string, afterSeq: number) => c.messagesAfter(contactId, afterSeq),
  customerLeft: (c: ContactCenter, contactId: string) => c.customerLeft(contactId),
  flowFinished: (c: ContactCenter, contactId: string, flowId: string, outcome: string) =>
    c.flowFinished(contactId, flowId, outcome),
  deskSnapshot: (c: ContactCenter, agentId: string) => c.deskSnapshot(agentId),
  setState: (c: ContactCenter, agentId: string, state: 'offline' | 'available' | 'break', reason?: string) => {
    c.setState(agentId, state, reason);
    return c.agentState(agentId);
  },
  accept: (c: ContactCenter, agentId: string, contactId: string) => c.accept(agentId, contactId),
  decline: (c: ContactCenter, agentId: string, contactId: string) => c.decline(agentId, contactId),
  openContact: (c: ContactCenter, agentId: string, contactId: string, action?: string) =>
    c.openContact(agentId, contactId, action),
  agentMessage: (c: ContactCenter, agentId: string, contactId: string, id: string, text: string) =>
    c.agentMessage(agentId, contactId, id, text),
  agentSignal: (c: ContactCenter, agentId: string, contactId: string, signal: Signal) =>
    c.agentSignal(agentId, contactId, signal),
  endChat: (c: ContactCenter, agentId: string, contactId: string) => c.endChat(agentId, contactId),
  wrapUp: (c: ContactCenter, agentId: string, contactId: string, wrapUp: { disposition: string; notes: string }) =>
    c.wrapUp(agentId, contactId, wrapUp),
  transfer: (
    c: ContactCenter,
    agentId: string,
    contactId: string,
    to: { queueId?: string; agentId?: string; note?: string },
  ) => c.transfer(agentId, contactId, to),
  sendToFlow: (c: ContactCenter, agentId: string, contactId: string, flowId: string, nodeId?: string) =>
    c.sendToFlow(agentId, contactId, flowId, nodeId),
  flowNodes: (c: ContactCenter, flowId: string, version: number) => c.flowNodes(flowId, version),
  overview: (c: ContactCenter) => c.overview(),
  move: (c: ContactCenter, contactId: string, queueId: string) => c.move(contactId, queueId),
  auditLog: (c: ContactCenter, contactId?: string) => c.auditLog(contactId),
  voiceEnter: (
    c: ContactCenter,
    contact: { id: string; flowId: string; locale: string },
    transfer: TransferOutput,
    bridge: 'dial' | 'browser',
  ) => voiceEnter(c, contact, transfer, bridge),
  voiceState: (c: ContactCenter, contactId: string) => voiceStateOf(c, contactId),
  twilioWaitStep: (c: ContactCenter, contactId: string, at: number) => twilioWaitStep(c, contactId, at),
  voiceCallback: (c: ContactCenter, contactId: string) => voiceCallback(c, contactId),
  voiceEnded: (c: ContactCenter, contactId: string) => voiceEnded(c, contactId),
  noteCallback: (c: ContactCenter, contactId: string, outcome: string) => c.noteCallback(contactId, outcome),
} satisfies Record<string, (center: ContactCenter, ...args: never[]) => unknown>;

/** The name of a contact-center operation. */
export type CenterOpName = keyof typeof CENTER_OPS;

/** The arguments of an operation (after the center). */
export type CenterOpArgs<K extends CenterOpName> = (typeof CENTER_OPS)[K] extends (
  center: ContactCenter,
  ...args: infer A
) => unknown
  ? A
  : never;

/** What an operation answers. */
export type CenterOpResult<K extends CenterOpName> = Awaited<ReturnType<(typeof CENTER_OPS)[K]>>;

/** Runs an operation on the center held here. */
export async function runCenterOp<K extends CenterOpName>(
  center: ContactCenter,
  op: K,
  args: CenterOpArgs<K>,
): Promise<CenterOpResult<K>> {
  const ops: { [P in CenterOpName]: (center: ContactCenter, ...args: CenterOpArgs<P>) => unknown } = CENTER_OPS;
  // Each entry of CENTER_OPS answers its own CenterOpResult; the mapped type only loses that link.
  return (await ops[op](center, ...args)) as CenterOpResult<K>;
}

/** Whether a relayed call names an operation (it arrives as JSON from another process). */
export function isCenterOp(name: unknown): name is CenterOpName {
  return typeof name === 'string' && Object.hasOwn(CENTER_OPS, name);
}
