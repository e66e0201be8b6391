/** One live chat line (as the runtime stores it). */
export interface ChatMessage {
  id: string;
  contactId: string;
  seq: number;
  sender: 'customer' | 'agent' | 'system';
  agentId: string | null;
  text: string;
  at: string;
}

/** What the desk shows of a contact (the runtime masks sensitive values before it gets here). */
export interface ContactView {
  id: string;
  queueId: string;
  status: 'waiting' | 'connected' | 'ended' | 'abandoned' | 'overflowed';
  context: {
    flowId: string;
    channel: string;
    locale: string;
    nodeId: string;
    reason?: string;
    note?: string;
    variables: Record<string, unknown>;
    contact?: Record<string, unknown>;
    transcript: { from: string; text: string; at: string; nodeId?: string }[];
    path: string[];
    /** A voice call: bridged to the agent's phone (Twilio) or talked on from the desk (media streams). */
    voice?: { bridge: 'dial' | 'browser' };
    /** The caller asked to be called back; the number as the contact masking rules show it. */
    callback?: { number: string | null; requestedAt: string; outcome?: string };
  };
  enqueuedAt: string;
  answeredAt: string | null;
  messages: ChatMessage[];
  previous: {
    id: string;
    queueId: string;
    enqueuedAt: string;
    disposition: string | null;
    notes: string | null;
    /** The contact's stored summary (issue 17), once it was analyzed. */
    summary?: { reason: string; outcome: string } | null;
  }[];
  dispositions: string[];
}

/** An agent's state as the runtime reports it. */
export interface AgentState {
  id: string;
  name?: string;
  role?: 'agent' | 'supervisor';
  state: 'offline' | 'available' | 'busy' | 'afterCallWork' | 'break';
  reason?: string | null;
  since?: string;
  acwUntil?: string | null;
  contacts?: string[];
  queues?: string[];
  secondsInState?: number;
}

/** A contact ringing at this desk. */
export interface Offer {
  contactId: string;
  queueId: string;
  expiresAt: string;
  locale: string | null;
  channel: string | null;
  reason: string | null;
  /** A voice caller who asked to be called back. */
  callback?: boolean;
  enqueuedAt: string | null;
}

/** The supervisor's live view. */
export interface Overview {
  at: string;
  queues: {
    id: string;
    name: string;
    waiting: number;
    longestWaitSeconds: number;
    answered: number;
    serviceLevel: number;
    abandoned: number;
  }[];
  agents: AgentState[];
  waiting: {
    contactId: string;
    queueId: string;
    locale: string;
    waitedSeconds: number;
    position: number | null;
    offeredTo: string | null;
  }[];
  connected: { contactId: string; queueId: string; agentId: string | null }[];
}

/** A live event from `/ws/desk`. */
export type DeskEvent = { type: string } & Record<string, unknown>;
