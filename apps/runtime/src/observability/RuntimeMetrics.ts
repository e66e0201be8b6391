import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The runtime's Prometheus metrics, in a registry of its own (several runtimes can live in one test process). */
export class RuntimeMetrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly errors: Counter<'kind'>;
  readonly activeSessions: Gauge;

  constructor(countActiveSessions: () => Promise<number>, options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.turns = new Counter({
      name: 'omniflow_turns_total',
      help: 'Caller turns processed (including session starts).',
      labelNames: ['channel'],
      registers,
    });
    this.turnSeconds = new Histogram({
      name: 'omniflow_turn_duration_seconds',
      help: 'Time to process one turn, persistence included.',
      labelNames: ['channel'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'omniflow_errors_total',
      help: 'Errors by kind (http_5xx, turn, store, plugin).',
      labelNames: ['kind'],
      registers,
    });
    this.activeSessions = new Gauge({
      name: 'omniflow_active_sessions',
      help: 'Sessions not yet ended, across every runtime sharing the store.',
      registers,
      async collect() {
        this.set(await countActiveSessions());
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'omniflow_' });
  }
}
