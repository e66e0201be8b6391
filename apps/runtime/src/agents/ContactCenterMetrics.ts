import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ContactCenter } from './ContactCenter.ts';
import type { RoutingDecision } from './ContactRouter.ts';

/** The contact center's Prometheus metrics, in the runtime's registry (issue 16, point 6). */
export class ContactCenterMetrics {
  readonly #waitSeconds: Histogram<'queue'>;
  readonly #handleSeconds: Histogram<'queue'>;
  readonly #abandoned: Counter<'queue'>;
  /** Read from the contact center when scraped. */
  readonly depth: Gauge<'queue'>;
  readonly serviceLevel: Gauge<'queue'>;
  readonly agents: Gauge<'state'>;
  #center: ContactCenter | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    const center = (): ContactCenter | undefined => this.#center;
    this.#waitSeconds = new Histogram({
      name: 'omniflow_queue_wait_seconds',
      help: 'How long answered contacts waited in the queue.',
      labelNames: ['queue'],
      buckets: [5, 10, 20, 30, 60, 120, 300, 600],
      registers,
    });
    this.#handleSeconds = new Histogram({
      name: 'omniflow_handle_seconds',
      help: 'Time from an agent answering a contact to the end of the chat.',
      labelNames: ['queue'],
      buckets: [30, 60, 120, 300, 600, 1200, 1800],
      registers,
    });
    this.#abandoned = new Counter({
      name: 'omniflow_queue_abandoned_total',
      help: 'Contacts that left while waiting in the queue.',
      labelNames: ['queue'],
      registers,
    });
    this.depth = new Gauge({
      name: 'omniflow_queue_depth',
      help: 'Contacts waiting in the queue now.',
      labelNames: ['queue'],
      registers,
      collect() {
        const routed = center();
        if (!routed) return;
        this.reset();
        const depth = new Map<string, number>();
        for (const entry of routed.router.waitingContacts())
          depth.set(entry.queueId, (depth.get(entry.queueId) ?? 0) + 1);
        for (const [queue, count] of depth) this.set({ queue }, count);
      },
    });
    this.serviceLevel = new Gauge({
      name: 'omniflow_queue_service_level',
      help: 'Share of answered contacts answered within 20 s, since this process started.',
      labelNames: ['queue'],
      registers,
      collect() {
        const routed = center();
        if (!routed) return;
        for (const queue of routed.router
          .waitingContacts()
          .map((e) => e.queueId)
          .concat(routed.queueIds()))
          this.set({ queue }, routed.stats.serviceLevel(queue));
      },
    });
    this.agents = new Gauge({
      name: 'omniflow_agents',
      help: 'Agents by state.',
      labelNames: ['state'],
      registers,
      collect() {
        const routed = center();
        if (!routed) return;
        this.reset();
        for (const agent of routed.router.agents()) this.inc({ state: agent.state });
      },
    });
  }

  /** The contact center whose queues the gauges read. */
  observe(center: ContactCenter): void {
    this.#center = center;
  }

  decided(decision: RoutingDecision): void {
    if (decision.kind === 'accepted') this.#waitSeconds.observe({ queue: decision.queueId }, decision.waitedMs / 1000);
    if (decision.kind === 'abandoned') this.#abandoned.inc({ queue: decision.queueId });
  }

  handled(queue: string, seconds: number): void {
    this.#handleSeconds.observe({ queue }, seconds);
  }
}
