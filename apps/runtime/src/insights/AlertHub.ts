import type { Logger } from 'pino';
import type { EgressFetch } from '../security/guardedFetch.ts';

/** A real-time alert: a live contact matched an alerting category rule (issue 17). */
export interface InsightAlert {
  /** Increasing per process; a reconnecting subscriber resumes after the last one it saw (`Last-Event-ID`). */
  id: number;
  sessionId: string;
  flowId: string;
  channel: string;
  category: string;
  ruleIds: string[];
  at: string;
}

/** Someone watching alerts (the desk's supervisors over server-sent events). */
export type AlertListener = (alert: InsightAlert) => void;

const KEEP = 1000;
const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Fans real-time alerts out to subscribers (kept in a ring of the last 1,000 so a reconnect resumes) and to the
 * configured webhooks, through the runtime's guarded fetch (no private destination unless allowed, a timeout each).
 */
export class AlertHub {
  readonly #recent: InsightAlert[] = [];
  readonly #listeners = new Set<AlertListener>();
  readonly #fetch: EgressFetch;
  readonly #logger: Logger;
  #next = 1;

  constructor(deps: { fetch: EgressFetch; logger: Logger }) {
    this.#fetch = deps.fetch;
    this.#logger = deps.logger;
  }

  /** Publishes an alert to subscribers now and posts it to each webhook (not awaited by the turn). */
  publish(alert: Omit<InsightAlert, 'id'>, webhooks: readonly string[]): InsightAlert {
    const published: InsightAlert = { id: this.#next++, ...alert };
    this.#recent.push(published);
    if (this.#recent.length > KEEP) this.#recent.shift();
    for (const listener of this.#listeners) {
      try {
        listener(published);
      } catch (error) {
        this.#logger.warn({ err: String(error) }, 'alert subscriber failed');
      }
    }
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
