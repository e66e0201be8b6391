/** How fast a campaign may dial. */
export interface Pacing {
  /** Calls in progress at once, at most. */
  maxConcurrent: number;
  /** New calls per second, at most (spread evenly: no bursts). */
  callsPerSecond: number;
}

/**
 * The next start slot after one call starts at `now`: evenly spaced at `callsPerSecond` while on time; after an idle
 * spell (no contact due, every line busy) the spacing starts afresh from `now`, so missed slots never come back as a
 * burst. Pure: the slot lives in the database so that several processes share one rate.
 */
export function nextSlot(previousSlot: number, now: number, pacing: Pacing): number {
  const interval = 1000 / pacing.callsPerSecond;
  return previousSlot + interval >= now ? previousSlot + interval : now + interval;
}
