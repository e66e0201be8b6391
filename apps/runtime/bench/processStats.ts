import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Router } from 'express';

/** What a bench server process reports about itself since the last reset (see {@link processStatsRouter}). */
export interface ServerStats {
  wallMs: number;
  cpuMs: number;
  gcMs: number;
  gcMajorMs: number;
  gcMaxMs: number;
  heapMb: number;
  loopDelayMs: { p50: number; p99: number; max: number };
}

/**
 * `POST /stats/reset`, `GET /stats` and `GET /memory` for the process it runs in: event-loop delay (blocking work on
 * the loop), CPU time used (the machine-independent cost per request) and GC pauses, so that the load generator can
 * tell a server's own cost from the machine's load. Every bench server process mounts it, so all are measured alike.
 */
export function processStatsRouter(): Router {
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let gcMs = 0;
  let gcMajorMs = 0;
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      const detail: unknown = 'detail' in entry ? entry.detail : undefined;
      if (
        typeof detail === 'object' &&
        detail !== null &&
        'kind' in detail &&
        detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR
      )
        gcMajorMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  let statsFrom = { cpu: process.cpuUsage(), at: performance.now(), gcMs: 0, gcMajorMs: 0 };

  const router = Router();
  router.post('/stats/reset', (_req, res) => {
    loopDelay.reset();
    statsFrom = { cpu: process.cpuUsage(), at: performance.now(), gcMs, gcMajorMs };
    gcMaxMs = 0;
    res.json({ ok: true });
  });
  router.get('/stats', (_req, res) => {
    const cpu = process.cpuUsage(statsFrom.cpu);
    const stats: ServerStats = {
      wallMs: performance.now() - statsFrom.at,
      cpuMs: (cpu.user + cpu.system) / 1000,
      gcMs: gcMs - statsFrom.gcMs,
      gcMajorMs: gcMajorMs - statsFrom.gcMajorMs,
      gcMaxMs,
      heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      loopDelayMs: {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
    };
    res.json(stats);
  });
  router.get('/memory', (_req, res) => {
    globalThis.gc?.();
    globalThis.gc?.();
    res.json({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  });
  return router;
}
