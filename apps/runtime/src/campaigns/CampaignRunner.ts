import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { CampaignStore, ClaimedJob } from './CampaignStore.ts';
import type { Dialer } from './Dialer.ts';
import { fillTemplate } from './retryDecision.ts';

/** What a runner needs. */
export interface CampaignRunnerDeps {
  store: CampaignStore;
  dialers: Partial<Record<string, Dialer>>;
  logger: Logger;
  /** Epoch ms; injected so tests can move time. */
  now?: () => number;
  /** How long a claimed attempt is this process's before others may take it over (renewed while it runs). */
  leaseMs?: number;
  /** Longest wait between looks at the running campaigns. */
  pollMs?: number;
  /** Whether the callee opted out during the call's session (read from its transcript). */
  optedOut?: (sessionId: string, optOutKey: string | undefined) => Promise<boolean>;
}

/**
 * Runs the campaigns of one process: claims due contacts from the store (shared by every process), places each call
 * or text with the campaign's dialer and records how it ended. Attempts left by a dead process (lease expired) are
 * settled: placed ones count as failed, unplaced ones go out under their own key.
 */
export class CampaignRunner {
  readonly owner = `runner-${randomUUID()}`;
  readonly #store: CampaignStore;
  readonly #dialers: Partial<Record<string, Dialer>>;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #optedOut: CampaignRunnerDeps['optedOut'];
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #renewTimer: NodeJS.Timeout | undefined;
  #running = false;
  /** A tick is under way; a wake-up meanwhile asks for the next one at once instead of starting a second chain. */
  #ticking = false;
  #wakeAgain = false;
  #lastOrphanCheck = 0;

  constructor(deps: CampaignRunnerDeps) {
    this.#store = deps.store;
    this.#dialers = deps.dialers;
    this.#logger = deps.logger;
    this.#now = deps.now ?? Date.now;
    this.#leaseMs = deps.leaseMs ?? 30_000;
    this.#pollMs = deps.pollMs ?? 250;
    this.#optedOut = deps.optedOut;
    // Every call in progress listens on this one signal (one listener per line): no cap of ten.
    setMaxListeners(0, this.#abort.signal);
  }

  /** Calls in progress in this process. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#renewTimer = setInterval(() => this.#renew(), Math.max(100, this.#leaseMs / 3));
    this.#renewTimer.unref();
    this.wake();
  }

  /** Looks at the campaigns now (after a start or resume) instead of at the next poll. */
  wake(): void {
    if (!this.#running) return;
    if (this.#ticking) {
      this.#wakeAgain = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), 0);
  }

  /** Stops claiming and waits for the calls in progress (at most `graceMs`), then aborts the rest. */
  async stop(graceMs = 5_000): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    clearInterval(this.#renewTimer);
    const settled = Promise.all(this.#inFlight.values());
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([settled, timeout]);
    this.#abort.abort();
    await settled;
  }

  async #tick(): Promise<void> {
    if (!this.#running || this.#ticking) return;
    this.#ticking = true;
    let wait = this.#pollMs;
    try {
      await this.#settleOrphans();
      for (const id of await this.#store.runningIds()) {
        for (;;) {
          const claim = await this.#store.claim(id, this.owner, this.#now(), this.#leaseMs);
          if ('job' in claim) {
            this.#dispatch(claim.job);
            continue;
          }
          if ('waitMs' in claim) wait = Math.min(wait, claim.waitMs);
          break;
        }
      }
    } catch (error) {
      this.#logger.error({ err: String(error) }, 'campaign claim failed');
    } finally {
      this.#ticking = false;
    }
    if (this.#wakeAgain) wait = 0;
    this.#wakeAgain = false;
    if (this.#running) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#tick(), Math.max(1, wait));
    }
  }

  #dispatch(job: ClaimedJob): void {
    const work = this.#run(job).finally(() => {
      this.#inFlight.delete(job.key);
      // A line is free: look for the next contact now rather than at the next poll.
      this.wake();
    });
    this.#inFlight.set(job.key, work);
  }

  async #run(job: ClaimedJob): Promise<void> {
    const { campaign, contact } = job;
    const dialer = this.#dialers[campaign.config.dialer];
    const log = this.#logger.child({ campaignId: campaign.id, key: job.key });
    if (!dialer) {
      log.error({ dialer: campaign.config.dialer }, 'campaign dialer is not configured; the attempt counts as failed');
      await this.#finish(
        job.key,
        job.kind === 'sms' ? { kind: 'sms', sent: false } : { kind: 'call', result: 'failed' },
      );
      return;
    }
    try {
      if (job.kind === 'sms') {
        const template = campaign.config.strategy.smsTemplate ?? {};
        const body = fillTemplate(
          template[campaign.config.locale ?? ''] ?? Object.values(template)[0] ?? '',
          contact.variables,
        );
        await this.#store.markDialed(job.key, this.#now());
        const sent = await dialer.sendSms({ key: job.key, to: contact.phone, body }, this.#abort.signal);
        await this.#store.markDialed(job.key, this.#now(), sent.providerId);
        await this.#finish(job.key, { kind: 'sms', sent: sent.sent });
        return;
      }
      // Handed to the dialer: after a crash from here on, the dialer says whether the call went out.
      await this.#store.markDialed(job.key, this.#now());
      const outcome = await dialer.dial(
        {
          key: job.key,
          campaignId: campaign.id,
          to: contact.phone,
          flowId: campaign.config.flowId,
          ...(campaign.config.locale ? { locale: campaign.config.locale } : {}),
          variables: contact.variables,
          ...(campaign.config.optOutKey ? { optOutKey: campaign.config.optOutKey } : {}),
        },
        this.#abort.signal,
      );
      await this.#store.markDialed(job.key, this.#now(), outcome.providerId);
      const optedOut =
        outcome.optedOut === true ||
        (outcome.sessionId !== undefined &&
          (await this.#optedOut?.(outcome.sessionId, campaign.config.optOutKey).catch(() => false)) === true);
      await this.#finish(job.key, {
        kind: 'call',
        result: outcome.result,
        ...(outcome.sessionId ? { sessionId: outcome.sessionId } : {}),
        ...(optedOut ? { optedOut: true } : {}),
      });
    } catch (error) {
      if (this.#abort.signal.aborted) return; // shutting down: another process (or the restart) settles it
      log.warn({ err: String(error) }, 'campaign attempt failed');
      await this.#finish(
        job.key,
        job.kind === 'sms' ? { kind: 'sms', sent: false } : { kind: 'call', result: 'failed' },
      );
    }
  }

  async #finish(key: string, end: Parameters<CampaignStore['finish']>[1]): Promise<void> {
    await this.#store.finish(key, end, this.#now());
  }

  #renew(): void {
    if (this.#inFlight.size === 0) return;
    this.#store
      .renewLeases(this.owner, [...this.#inFlight.keys()], this.#now(), this.#leaseMs)
      .catch((error: unknown) => this.#logger.error({ err: String(error) }, 'renewing campaign leases failed'));
  }

  /** Settles attempts of dead processes, at most once per lease period. */
  async #settleOrphans(): Promise<void> {
    const now = this.#now();
    if (now - this.#lastOrphanCheck < this.#leaseMs / 2) return;
    this.#lastOrphanCheck = now;
    for (const orphan of await this.#store.adoptOrphans(this.owner, now, this.#leaseMs)) {
      const campaign = await this.#store.get(orphan.campaignId);
      const dialer = campaign ? this.#dialers[campaign.config.dialer] : undefined;
      // Never handed to a dialer: not placed. Handed: the dialer knows (its own record of keys), else assume placed.
      const placed = orphan.dialed && (dialer === undefined || (await dialer.wasPlaced(orphan.key)));
      if (placed) {
        // The call went out and its process died with it: the attempt counts, as failed (the strategy decides next).
        this.#logger.warn({ key: orphan.key }, 'campaign attempt interrupted by a stopped process; recorded as failed');
        await this.#finish(
          orphan.key,
          orphan.kind === 'sms' ? { kind: 'sms', sent: false } : { kind: 'call', result: 'failed' },
        );
        continue;
      }
      const contact = campaign
        ? (await this.#store.contacts(campaign.id, { offset: orphan.seq, limit: 1 }))[0]
        : undefined;
      if (!campaign || !contact) continue;
      this.#logger.info({ key: orphan.key }, 'campaign attempt never placed by a stopped process; placing it now');
      const attempt = Number(orphan.key.split(':').at(-1)) || contact.attempts;
      this.#dispatch({ key: orphan.key, kind: orphan.kind, campaign, contact, attempt });
    }
  }
}
