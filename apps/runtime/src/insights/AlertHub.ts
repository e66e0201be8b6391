import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CenterEvent, ContactCenterEvents } from '../agents/ContactCenterEvents.ts';
import type { EgressFetch } from '../security/guardedFetch.ts';

/** A real-time alert: a live contact matched an alerting category rule (issue 17). */
export interface InsightAlert {
  /** Increasing per process; a reconnecting subscriber resumes after the last one it saw (`Last-Event-ID`). */
  id: number;
  /** The same in every process: an alert that arrives twice (its own process and the bus) is shown once. */
  key: string;
  sessionId: string;
  flowId: string;
  channel: string;
  category: string;
  ruleIds: string[];
  at: string;
}

/** Someone watching alerts (the desk's supervisors over server-sent events). */
export type AlertListener = (alert: InsightAlert) => void;

/** The live-event type alerts travel under on the `supervisors` topic of the contact-center bus. */
export const ALERT_EVENT = 'insightAlert';

const KEEP = 1000;
const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Fans real-time alerts out to subscribers (kept in a ring of the last 1,000 so a reconnect resumes), to the
 * supervisors' topic of the live-event bus (so every process and every supervisor desk hears them), and to the
 * configured webhooks, through the runtime's guarded fetch. Only the process that raised an alert posts its webhooks.
 */
export class AlertHub {
  readonly #recent: InsightAlert[] = [];
  readonly #keys = new Set<string>();
  readonly #listeners = new Set<AlertListener>();
  readonly #fetch: EgressFetch;
  readonly #logger: Logger;
  #events: ContactCenterEvents | undefined;
  #unsubscribe: (() => void) | undefined;
  #next = 1;

  constructor(deps: { fetch: EgressFetch; logger: Logger }) {
    this.#fetch = deps.fetch;
    this.#logger = deps.logger;
  }

  /** Sends alerts through the live-event bus and takes in the alerts other processes raise. */
  connect(events: ContactCenterEvents): void {
    this.#unsubscribe?.();
    this.#events = events;
    this.#unsubscribe = events.subscribe('supervisors', (event) => {
      const alert = alertOf(event);
      if (alert !== undefined) this.#deliver(alert);
    });
  }

  /** Publishes an alert to subscribers and the bus now and posts it to each webhook (not awaited by the turn). */
  publish(alert: Omit<InsightAlert, 'id' | 'key'>, webhooks: readonly string[]): InsightAlert {
    const key = randomUUID();
    const published = this.#deliver({ ...alert, key });
    this.#events?.publish('supervisors', { type: ALERT_EVENT, alert: { ...alert, key } });
    for (const url of webhooks) void this.#post(url, published);
    return published;
  }

  /** Subscribes; alerts after `lastId` that are still kept are replayed first. Answers the unsubscribe. */
  subscribe(listener: AlertListener, lastId = 0): () => void {
    for (const alert of this.#recent) if (alert.id > lastId) listener(alert);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The alerts kept, newest last. */
  recent(): readonly InsightAlert[] {
    return this.#recent;
  }

  close(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Keeps and hands an alert to this process's subscribers once, numbered in this process's order. */
  #deliver(alert: Omit<InsightAlert, 'id'>): InsightAlert {
    const known = this.#keys.has(alert.key);
    if (known) return this.#recent.find((kept) => kept.key === alert.key) ?? { id: 0, ...alert };
    const delivered: InsightAlert = { id: this.#next++, ...alert };
    this.#keys.add(alert.key);
    this.#recent.push(delivered);
    if (this.#recent.length > KEEP) {
      const dropped = this.#recent.shift();
      if (dropped !== undefined) this.#keys.delete(dropped.key);
    }
    for (const listener of this.#listeners) {
      try {
        listener(delivered);
      } catch (error) {
        this.#logger.warn({ err: String(error) }, 'alert subscriber failed');
      }
    }
    return delivered;
  }

  async #post(url: string, alert: InsightAlert): Promise<void> {
    try {
      const res = await this.#fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'omniflow.alert', alert }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok)
        this.#logger.warn({ url: new URL(url).origin, status: res.status }, 'alert webhook answered an error');
    } catch (error) {
      this.#logger.warn({ url: new URL(url).origin, err: String(error) }, 'alert webhook failed');
    }
  }
}

/** The alert an `insightAlert` bus event carries, checked field by field (the bus may cross processes). */
export function alertOf(event: CenterEvent): Omit<InsightAlert, 'id'> | undefined {
  if (event.type !== ALERT_EVENT) return undefined;
  const value = event['alert'];
  if (typeof value !== 'object' || value === null) return undefined;
  const record: Record<string, unknown> = { ...value };
  const text = ['key', 'sessionId', 'flowId', 'channel', 'category', 'at'] as const;
  const strings: Record<(typeof text)[number], string> = {
    key: '',
    sessionId: '',
    flowId: '',
    channel: '',
    category: '',
    at: '',
  };
  for (const name of text) {
    const field = record[name];
    if (typeof field !== 'string') return undefined;
    strings[name] = field;
  }
  const ruleIds = record['ruleIds'];
  if (!Array.isArray(ruleIds) || !ruleIds.every((id) => typeof id === 'string')) return undefined;
  return { ...strings, ruleIds: ruleIds.map(String) };
}
