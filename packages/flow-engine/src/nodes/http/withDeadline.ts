/** How {@link withDeadline} ended: the work's value, the deadline (or the caller's abort), or the work's error. */
export type DeadlineOutcome<T> = { kind: 'done'; value: T } | { kind: 'timeout' } | { kind: 'thrown'; error: unknown };

/**
 * Runs `work` with a signal that aborts at `timeoutMs` or with `outer`, and settles by then even if the work
 * misses the abort — Node's fetch can lose an abort after a garbage collection (nodejs/undici#4068). For
 * handlers calling back ends.
 */
export async function withDeadline<T>(
  outer: AbortSignal,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<DeadlineOutcome<T>> {
  const controller = new AbortController();
  let expire = (): void => controller.abort();
  const deadline = new Promise<never>((_resolve, reject) => {
    expire = () => {
      controller.abort();
      reject(new Error('deadline passed'));
    };
  });
  const timer = setTimeout(expire, timeoutMs);
  if (outer.aborted) expire();
  else outer.addEventListener('abort', expire, { once: true });
  try {
    return { kind: 'done', value: await Promise.race([work(controller.signal), deadline]) };
  } catch (error) {
    return controller.signal.aborted ? { kind: 'timeout' } : { kind: 'thrown', error };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', expire);
  }
}
