import type { Channel, Locale, VoiceChoice } from '@omniflow/flow-schema';

/** Caller input, as delivered by a channel transport. */
export type InputEvent =
  /** Keypad digits; may hold several keys typed ahead, with `#` ending entry. */
  | { type: 'dtmf'; digits: string }
  /** Recognized speech with the recognizer's confidence (0..1) and alternatives. */
  | {
      type: 'speech';
      transcript: string;
      confidence?: number;
      alternatives?: { transcript: string; confidence?: number }[];
      /** The transcript's sentiment (−1..1) as the host analyzed it; escalation rules and empathetic prompts read it. */
      sentiment?: number;
    }
  /** Typed chat text (a quick-reply press arrives as its value), with its analyzed sentiment like speech. */
  | { type: 'text'; text: string; sentiment?: number }
  /** The caller said or pressed nothing before the gateway's timeout. */
  | { type: 'noInput' }
  /** The caller hung up or closed the chat. */
  | { type: 'hangup' };

/** What the caller may answer to the current prompt, per channel. */
export interface InputExpectation {
  /** Keypad entry, for DTMF and voice calls (voice callers may always press keys). */
  dtmf?: { minDigits: number; maxDigits: number; terminator?: string; interDigitTimeoutMs: number };
  /** Speech, for voice only: a JSGF grammar derived from the node, or `null` for free-form speech. */
  speech?: { grammar: string | null; endOfSpeechMs: number; maxUtteranceMs: number };
  /** Quick replies, for chat only. */
  choices?: { value: string; label: string }[];
  /** Keypad only, and never logged or echoed in clear. */
  sensitive: boolean;
  noInputTimeoutMs: number;
  bargeIn: boolean;
}

/** Output events a session emits, already rendered for its channel and locale. */
export type OutputEvent =
  | {
      type: 'say';
      nodeId: string;
      text: string;
      ssml?: string;
      audio?: string;
      locale: Locale;
      bargeIn: boolean;
      /** The voice the flow chose for this locale (`settings.voices`); absent: the runtime's default voice. */
      voice?: VoiceChoice;
    }
  | { type: 'prompt'; nodeId: string; channel: Channel; expect: InputExpectation }
  | {
      type: 'transfer';
      nodeId: string;
      queue?: string;
      agent?: string;
      reason?: string;
      /** Priority and waiting treatment of a `queue` node. */
      routing?: TransferRouting;
      /** Collected variables, sensitive ones masked. */
      variables: Record<string, unknown>;
      /** The `contact` system variable, its sensitive fields masked. */
      contact: Record<string, unknown>;
      transcript: TranscriptEntry[];
    }
  | { type: 'end'; nodeId?: string; reason: EndReason; outcome?: string };

/** How the contact waits for an agent (the `queue` node): the runtime's router and waiting treatment read it. */
export interface TransferRouting {
  /** Added to the queue's priority for this contact. */
  priority?: number;
  /** Said to the waiting caller every `everySeconds`, with the position when `announcePosition`. */
  waiting?: { everySeconds: number; announcePosition: boolean; message?: string };
}

/** Why a session ended. */
export type EndReason = 'completed' | 'transferred' | 'hangup' | 'maxTurns' | 'maxDuration' | 'loopLimit' | 'error';

/** One line of the session transcript. Sensitive values are masked before they get here. */
export interface TranscriptEntry {
  at: string;
  /** `caller` for input as heard, `bot` for outputs, `system` for ports taken and errors. */
  from: 'caller' | 'bot' | 'system';
  nodeId?: string;
  text: string;
  /** Input kind for caller entries, port for system entries. */
  kind?: string;
  port?: string;
  confidence?: number;
}
