import type { CallResult } from './retryDecision.ts';

/** One outbound call to place. */
export interface DialRequest {
  /** The attempt's idempotency key: the same key never places a second call. */
  key: string;
  campaignId: string;
  /** E.164. */
  to: string;
  flowId: string;
  locale?: string;
  /** The contact's row, as the flow's variables (`callerData`). */
  variables: Record<string, string>;
  /** The opt-out key of the campaign, if any (the callee pressing it is put on the do-not-call list). */
  optOutKey?: string;
}

/** How a placed call ended. */
export interface DialOutcome {
  result: CallResult;
  /** The flow session the call ran (answered calls). */
  sessionId?: string;
  /** The callee asked not to be called again (said so, or pressed the opt-out key). */
  optedOut?: boolean;
  /** The provider's own id of the call (e.g. a Twilio CallSid). */
  providerId?: string;
}

/** A text message to send (the fallback after the last unsuccessful attempt). */
export interface SmsRequest {
  key: string;
  to: string;
  body: string;
}

/**
 * What places calls and texts for campaigns: the local line simulator and Twilio implement it. `dial` resolves when
 * the call is over; `wasPlaced` tells, after a crash, whether a key's call went out (so it is never placed twice).
 */
export interface Dialer {
  readonly kind: string;
  dial(request: DialRequest, signal: AbortSignal): Promise<DialOutcome>;
  sendSms(request: SmsRequest, signal: AbortSignal): Promise<{ sent: boolean; providerId?: string }>;
  wasPlaced(key: string): Promise<boolean>;
}
