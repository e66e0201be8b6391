/**
 * The read of `key` already in flight in `reads`, else `start()`'s, kept there until it settles: callers asking for
 * the same thing at the same moment share one store read instead of each making their own (a cache entry that aged
 * out under load was read again by every request of that moment). A caller that drops an entry (a revocation) makes
 * the next caller start a fresh read; the dropped one settling does not remove its successor.
 */
export function sharedRead<K, V>(reads: Map<K, Promise<V>>, key: K, start: () => Promise<V>): Promise<V> {
  const running = reads.get(key);
  if (running !== undefined) return running;
  const started = start();
  const done = () => void (reads.get(key) === started && reads.delete(key));
  started.then(done, done);
  reads.set(key, started);
  return started;
}
