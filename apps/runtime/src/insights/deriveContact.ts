import type { ContactFacts, PathStep, TransactionFact, TranscriptEntry } from '@omniflow/analytics';

/**
 * The narrow contract the insights read a contact through: the contact record's facts (issue 15) and its stored
 * transcript (with the engine's system notes of the ports taken, which the record's plain node path lacks).
 */
export interface FinishedContact {
  sessionId: string;
  flowId: string;
  version: number;
  channel: string;
  locale: string;
  startedAt: string;
  endedAt: string;
  transcript: readonly unknown[];
  /** How the contact record says it ended (absent while it is live): its outcome, end node and transfer queue. */
  end?: { outcome: string; endNode: string | null; transferQueue: string | null };
  /** The caller turns the record counted. */
  turns?: number;
}

/** What the insights know of a node of the flow version the contact ran on. */
export interface NodeInfo {
  type: string;
  label?: string;
  /** A back-end call (transaction): its port says how it went. */
  transaction: boolean;
}

/** The figures of one node in one contact, summed by the flow analytics on the canvas. */
export interface NodeFigures {
  nodeId: string;
  visits: number;
  noMatch: number;
  noInput: number;
  /** 1 when the caller left (hung up, went silent) while at this node. */
  dropped: number;
  millis: number;
}

/** A finished contact as the dashboards count it, with the facts its rules, summary and QA read. */
export interface ContactRecord {
  sessionId: string;
  flowId: string;
  version: number;
  channel: string;
  locale: string;
  day: string;
  startedAt: string;
  endedAt: string;
  /** `completed`, `transferred`, `abandoned` (hung up or went idle), `error`, `maxTurns`, … */
  outcome: string;
  /** Ended without an agent. */
  contained: boolean;
  transferQueue: string | null;
  /** Why it was transferred: an escalation rule, a global intent or the transfer step's name. */
  transferReason: string | null;
  endNode: string | null;
  turns: number;
  durationSeconds: number;
  /** The average sentiment of the caller's scored turns, or null. */
  sentiment: number | null;
  /** The agent who handled the contact after the bot (null: the bot alone), and their handle time. */
  agentId: string | null;
  handleSeconds: number | null;
  facts: ContactFacts;
  nodes: NodeFigures[];
}

interface Entry {
  at: number;
  from: string;
  nodeId?: string;
  text: string;
  kind?: string;
  port?: string;
  sentiment?: number;
}

const FAILED_PORTS = new Set(['error', 'timeout', 'failed', 'notFound', 'declined']);
const ABANDONED = new Set(['hangup', 'abandoned']);

/** Derives the contact record from a finished session and its transcript; pure and deterministic. */
export function deriveContact(
  contact: FinishedContact,
  nodeInfo: (nodeId: string) => NodeInfo | undefined,
): ContactRecord {
  const entries = contact.transcript.flatMap(readEntry);
  const startedAt = Date.parse(contact.startedAt);
  const endedAt = Date.parse(contact.endedAt);
  const path: PathStep[] = [];
  const transactions: TransactionFact[] = [];
  const figures = new Map<string, NodeFigures>();
  const figure = (nodeId: string): NodeFigures => {
    let found = figures.get(nodeId);
    if (found === undefined) {
      found = { nodeId, visits: 0, noMatch: 0, noInput: 0, dropped: 0, millis: 0 };
      figures.set(nodeId, found);
    }
    return found;
  };
  let arrivedAt = Number.isFinite(startedAt) ? startedAt : (entries[0]?.at ?? 0);
  let current: string | undefined;
  /** A caller entry at the current node not yet answered by a port: a second one means the first was asked again. */
  let pendingInput: Entry | undefined;
  let endReason: string | undefined;
  let transferQueue: string | null = null;
  let lastSpecialPort: string | undefined;
  const countRetry = (entry: Entry, nodeId: string) => {
    if (entry.kind === 'noInput') figure(nodeId).noInput += 1;
    else if (entry.kind !== 'hangup') figure(nodeId).noMatch += 1;
  };
  for (const entry of entries) {
    if (entry.from === 'caller') {
      if (pendingInput !== undefined && current !== undefined) countRetry(pendingInput, current);
      current = entry.nodeId ?? current;
      pendingInput = entry;
      continue;
    }
    if (entry.from !== 'system') {
      current ??= entry.nodeId;
      continue;
    }
    if (entry.port !== undefined && entry.nodeId !== undefined) {
      // "took <port>": the node is left; the next one is entered at the same moment.
      const info = nodeInfo(entry.nodeId);
      const step = figure(entry.nodeId);
      step.visits += 1;
      step.millis += Math.max(0, entry.at - arrivedAt);
      if (entry.port === 'noMatch') step.noMatch += 1;
      if (entry.port === 'noInput') step.noInput += 1;
      path.push({ nodeId: entry.nodeId, type: info?.type ?? 'unknown', ...labelOf(info), port: entry.port });
      if (info?.transaction === true)
        transactions.push({
          name: info.label ?? entry.nodeId,
          status: FAILED_PORTS.has(entry.port) ? 'failed' : 'succeeded',
          detail: entry.port,
        });
      if (entry.port.startsWith('escalation:') || entry.port.startsWith('intent:')) lastSpecialPort = entry.port;
      arrivedAt = entry.at;
      current = undefined;
      pendingInput = undefined;
      continue;
    }
    if (entry.kind === 'transfer') {
      transferQueue = entry.text.replace(/^transfer to /u, '');
      current = entry.nodeId ?? current;
    } else if (entry.kind === 'end') {
      endReason = entry.text.replace(/^end: /u, '');
      current = entry.nodeId ?? current;
    }
  }
  const outcome =
    contact.end?.outcome ?? (endReason === undefined || ABANDONED.has(endReason) ? 'abandoned' : endReason);
  const endNode = contact.end === undefined ? (current ?? path.at(-1)?.nodeId ?? null) : contact.end.endNode;
  if (contact.end !== undefined) transferQueue = contact.end.transferQueue;
  if (endNode !== null) {
    const last = figure(endNode);
    // The node the contact ended at was visited without leaving by a port (an end node, or where the caller hung up).
    if (path.at(-1)?.nodeId !== endNode || current !== undefined) {
      last.visits += 1;
      last.millis += Math.max(0, (Number.isFinite(endedAt) ? endedAt : arrivedAt) - arrivedAt);
      const info = nodeInfo(endNode);
      path.push({ nodeId: endNode, type: info?.type ?? 'unknown', ...labelOf(info) });
    }
    if (outcome === 'abandoned') last.dropped = 1;
  }
  const scores = entries.flatMap((entry) => (entry.sentiment === undefined ? [] : [entry.sentiment]));
  const durationSeconds = Number.isFinite(endedAt - startedAt) ? Math.max(0, (endedAt - startedAt) / 1000) : 0;
  const transcript: TranscriptEntry[] = entries
    .filter((entry) => entry.from === 'caller' || entry.from === 'bot' || entry.from === 'agent')
    .map((entry) => ({
      role: entry.from === 'caller' ? 'caller' : entry.from === 'agent' ? 'agent' : 'bot',
      text: entry.text,
      at: entry.at - (Number.isFinite(startedAt) ? startedAt : 0),
      ...(entry.sentiment === undefined ? {} : { sentiment: entry.sentiment }),
    }));
  const transferred = outcome === 'transferred';
  return {
    sessionId: contact.sessionId,
    flowId: contact.flowId,
    version: contact.version,
    channel: contact.channel,
    locale: contact.locale,
    day: new Date(Number.isFinite(endedAt) ? endedAt : 0).toISOString().slice(0, 10),
    startedAt: contact.startedAt,
    endedAt: contact.endedAt,
    outcome,
    contained: !transferred,
    transferQueue: transferred ? transferQueue : null,
    transferReason: transferred ? transferReasonOf(lastSpecialPort, endNode, nodeInfo) : null,
    endNode,
    turns: contact.turns ?? entries.filter((entry) => entry.from === 'caller').length,
    durationSeconds,
    sentiment: scores.length === 0 ? null : round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    agentId: null,
    handleSeconds: null,
    facts: {
      locale: contact.locale,
      channel: contact.channel,
      path,
      transactions,
      transcript,
      outcome,
      durationSeconds,
    },
    nodes: [...figures.values()],
  };
}

function transferReasonOf(
  special: string | undefined,
  endNode: string | null,
  nodeInfo: (nodeId: string) => NodeInfo | undefined,
): string {
  if (special !== undefined) return special;
  if (endNode === null) return 'transfer';
  return nodeInfo(endNode)?.label ?? endNode;
}

function labelOf(info: NodeInfo | undefined): { label?: string } {
  return info?.label === undefined ? {} : { label: info.label };
}

function readEntry(value: unknown): Entry[] {
  if (typeof value !== 'object' || value === null) return [];
  const record: Record<string, unknown> = { ...value };
  const at = typeof record['at'] === 'string' ? Date.parse(record['at']) : Number.NaN;
  const from = record['from'];
  const text = record['text'];
  if (typeof from !== 'string' || typeof text !== 'string' || !Number.isFinite(at)) return [];
  const entry: Entry = { at, from, text };
  if (typeof record['nodeId'] === 'string') entry.nodeId = record['nodeId'];
  if (typeof record['kind'] === 'string') entry.kind = record['kind'];
  if (typeof record['port'] === 'string') entry.port = record['port'];
  const sentiment = record['sentiment'];
  if (
    typeof sentiment === 'object' &&
    sentiment !== null &&
    'score' in sentiment &&
    typeof sentiment.score === 'number'
  )
    entry.sentiment = sentiment.score;
  return [entry];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
