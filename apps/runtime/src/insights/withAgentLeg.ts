import { analyzeSentiment, type TranscriptEntry } from '@omniflow/analytics';
import type { ContactRecord } from './deriveContact.ts';

/** What the contact center knows of a contact's agent leg: so far (a live chat), or once the agent wrapped it up. */
export interface AgentLeg {
  agentId: string;
  queueId: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Absent while the chat goes on. */
  wrapUp?: { disposition: string; notes: string };
  /** The live chat, redacted as stored (customer, agent and system lines). */
  messages: readonly { sender: 'customer' | 'agent' | 'system'; text: string; at: string }[];
}

/**
 * Adds the agent leg to a contact the bot handed over: the chat joins the transcript (the customer's lines scored for
 * sentiment like caller turns), the wrap-up joins the facts the summary and QA read, and the contact's figures
 * gain the agent, the handle time (answer to end of chat) and the time until the chat ended.
 */
export function withAgentLeg(contact: ContactRecord, leg: AgentLeg): ContactRecord {
  const startedAt = Date.parse(contact.startedAt);
  const chat: TranscriptEntry[] = leg.messages.map((message) => {
    const at = Date.parse(message.at) - startedAt;
    const role = message.sender === 'customer' ? 'caller' : message.sender;
    const entry: TranscriptEntry = { role, text: message.text, ...(Number.isFinite(at) ? { at } : {}) };
    return role === 'caller' ? { ...entry, sentiment: analyzeSentiment(message.text, contact.locale).score } : entry;
  });
  const transcript = [...contact.facts.transcript, ...chat];
  const scores = transcript.flatMap((entry) =>
    entry.role === 'caller' && entry.sentiment !== undefined ? [entry.sentiment] : [],
  );
  const ended = leg.endedAt ?? contact.endedAt;
  const durationSeconds = Math.max(contact.durationSeconds, secondsBetween(contact.startedAt, ended) ?? 0);
  const handleSeconds = leg.answeredAt === null ? null : (secondsBetween(leg.answeredAt, ended) ?? null);
  return {
    ...contact,
    endedAt: ended,
    transferQueue: contact.transferQueue ?? leg.queueId,
    turns: contact.turns + chat.filter((entry) => entry.role === 'caller').length,
    durationSeconds,
    sentiment:
      scores.length === 0
        ? null
        : Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 1000) / 1000,
    agentId: leg.agentId,
    handleSeconds,
    facts: {
      ...contact.facts,
      transcript,
      durationSeconds,
      ...(leg.wrapUp === undefined
        ? {}
        : {
            wrapUp: {
              disposition: leg.wrapUp.disposition,
              ...(leg.wrapUp.notes.trim() === '' ? {} : { notes: leg.wrapUp.notes }),
            },
          }),
    },
  };
}

function secondsBetween(from: string, to: string): number | undefined {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, ms / 1000) : undefined;
}
