/** Writes queued for the next group commit; see {@link groupCommit}. */
export interface GroupCommit<W, R> {
  /** Queues a write; answers its result once the group holding it has committed (or rejects with the commit's error). */
  add(write: W): Promise<R>;
  /** Commits the queued writes now, unless held. */
  flush(): void;
}

/**
 * Commits the writes that arrive in the same tick together (`commit` runs them in one transaction and answers one
 * result per write, in order): each caller still gets its answer only after the commit, so durability is unchanged
 * while the cost of a commit is shared. While `held()` says so (a WAL rewind), writes wait and `flush()` later
 * commits them.
 */
export function groupCommit<W, R>(commit: (writes: W[]) => R[], held: () => boolean = () => false): GroupCommit<W, R> {
  let pending: { write: W; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  const flush = (): void => {
    if (held() || pending.length === 0) return;
    const batch = pending;
    pending = [];
    let results: R[];
    try {
      results = commit(batch.map((p) => p.write));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i] as R));
  };
  return {
    add: (write) =>
      new Promise((resolve, reject) => {
        pending.push({ write, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      }),
    flush,
  };
}
