import type { CampaignSchedule } from './callingWindow.ts';
import type { Pacing } from './Pacer.ts';
import type { ListContact, RowProblem } from './parseContactList.ts';
import type { CallResult, CampaignStrategy } from './retryDecision.ts';

/** A campaign's life: drafted, running, paused, stopped by a user, or completed (nobody left to call). */
export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped' | 'completed';

/** What a user sets up for a campaign. */
export interface CampaignConfig {
  name: string;
  flowId: string;
  locale?: string;
  /** Region of numbers written without a country code (ISO 3166 alpha-2). */
  defaultRegion: string;
  schedule: CampaignSchedule;
  pacing: Pacing;
  strategy: CampaignStrategy;
  /** The dialer that places the calls: `simulator` (local line simulator) or `twilio`. */
  dialer: 'simulator' | 'twilio';
  /** The key a callee presses to be put on the do-not-call list (none when absent). */
  optOutKey?: string;
}

/** How the list of a campaign was read (kept for the page and the export). */
export interface ListInfo {
  encoding: string;
  columns: string[];
  phoneColumn: string;
  rows: number;
  problems: RowProblem[];
}

/** A stored campaign. */
export interface CampaignRecord {
  id: string;
  status: CampaignStatus;
  config: CampaignConfig;
  list: ListInfo | null;
  createdAt: string;
  updatedAt: string;
}

/** Where one contact stands: waiting (`pending`), on a call, due a text, or finished with an outcome. */
export type ContactState = 'pending' | 'dialing' | 'sms' | 'texting' | 'done';

/** Why a contact is finished. */
export type ContactOutcome =
  CallResult | 'optedOut' | 'doNotCall' | 'smsSent' | 'smsFailed' | 'windowClosed' | 'stopped';

/** One contact of a campaign with its progress. */
export interface CampaignContact {
  seq: number;
  line: number;
  phone: string;
  timeZones: string[];
  variables: Record<string, string>;
  state: ContactState;
  attempts: number;
  nextAt: number;
  lastResult: CallResult | null;
  outcome: ContactOutcome | null;
  sessionId: string | null;
}

/** A claimed job: one call attempt (or the fallback text) under its idempotency key. */
export interface ClaimedJob {
  key: string;
  kind: 'call' | 'sms';
  campaign: CampaignRecord;
  contact: CampaignContact;
  attempt: number;
}

/** What a claim found: a job, a time to come back, or nothing to do. */
export type ClaimResult = { job: ClaimedJob } | { waitMs: number } | { idle: true };

/** Counts shown while a campaign runs. */
export interface CampaignProgress {
  contacts: number;
  finished: number;
  pending: number;
  inProgress: number;
  attempts: number;
  connected: number;
  completed: number;
  outcomes: Partial<Record<ContactOutcome, number>>;
  results: Partial<Record<CallResult, number>>;
}

/** An attempt whose process stopped renewing its lease (it died): the dialer decides whether it was placed. */
export interface OrphanedAttempt {
  key: string;
  kind: 'call' | 'sms';
  campaignId: string;
  seq: number;
  dialed: boolean;
}

/**
 * The campaign tables and their job queue; one implementation per store dialect, sharing the runtime's database:
 * SQLite keeps the due jobs in its contact rows, PostgreSQL in pg-boss.
 */
export interface CampaignStore {
  create(id: string, config: CampaignConfig): Promise<CampaignRecord>;
  get(id: string): Promise<CampaignRecord | undefined>;
  list(): Promise<CampaignRecord[]>;
  updateConfig(id: string, config: CampaignConfig): Promise<void>;
  setStatus(id: string, status: CampaignStatus): Promise<void>;
  /** Replaces the contacts of a draft campaign. */
  replaceContacts(id: string, contacts: ListContact[], list: ListInfo, now: number): Promise<void>;
  contactCount(id: string): Promise<number>;
  contacts(id: string, page: { offset: number; limit: number }): Promise<CampaignContact[]>;
  /** Every distinct set of zones among the campaign's contacts (for the "never opens" check). */
  zoneSets(id: string): Promise<string[][]>;
  progress(id: string): Promise<CampaignProgress>;
  runningIds(): Promise<string[]>;
  /** Claims the next due contact of a running campaign under the shared pacing and concurrency limits. */
  claim(id: string, owner: string, now: number, leaseMs: number): Promise<ClaimResult>;
  /** The contact an attempt key belongs to (the Twilio webhook starts its session with the row). */
  contactOfAttempt(key: string): Promise<CampaignContact | undefined>;
  markDialed(key: string, now: number, providerId?: string): Promise<void>;
  /** Records an attempt's end and moves its contact on (retry, text, done) — once per key. */
  finish(key: string, end: AttemptEnd, now: number): Promise<boolean>;
  renewLeases(owner: string, keys: string[], now: number, leaseMs: number): Promise<void>;
  /** Takes over the attempts of dead owners (lease expired), returning them for the dialer to settle. */
  adoptOrphans(owner: string, now: number, leaseMs: number): Promise<OrphanedAttempt[]>;
  addDoNotCall(scope: string, phone: string, reason: string): Promise<void>;
  removeDoNotCall(scope: string, phone: string): Promise<boolean>;
  doNotCall(scope: string): Promise<{ phone: string; reason: string; addedAt: string }[]>;
  close(): Promise<void>;
}

/** How an attempt ended. */
export type AttemptEnd =
  { kind: 'call'; result: CallResult; sessionId?: string; optedOut?: boolean } | { kind: 'sms'; sent: boolean };
