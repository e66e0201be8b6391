/** How fast a campaign may dial. */
export interface Pacing {
  /** Calls in progress at once, at most. */
  maxConcurrent: number;
  /** New calls per second, at most (spread evenly: no bursts). */
  callsPerSecond: number;
}

/** How far behind its schedule a campaign may catch up: a late timer costs no calls, an idle spell makes no burst. */
export const CATCH_UP_MS = 1000;

/**
 * The next start slot after one call starts at `now`: evenly spaced at `callsPerSecond` while on time or a little
 * late (a busy event loop fires timers late; up to {@link CATCH_UP_MS} of missed slots are made up, so the long-run
 * rate holds); after a longer idle spell (no contact due, every line busy) the spacing starts afresh from `now`, so
 * missed slots never come back as a burst. Pure: the slot lives in the database so that processes share one rate.
 */
export function nextSlot(previousSlot: number, now: number, pacing: Pacing): number {
  const interval = 1000 / pacing.callsPerSecond;
  return previousSlot + interval >= now - CATCH_UP_MS ? previousSlot + interval : now + interval;
}
