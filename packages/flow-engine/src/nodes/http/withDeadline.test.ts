import { describe, expect, it } from 'vitest';
import { withDeadline } from './withDeadline.ts';

describe('withDeadline', () => {
  it('hands back the value of work that finishes in time', async () => {
    expect(await withDeadline(new AbortController().signal, 1000, async () => 42)).toEqual({ kind: 'done', value: 42 });
  });

  it('times out work that ignores its abort signal', async () => {
    const started = Date.now();
    const outcome = await withDeadline(new AbortController().signal, 30, () => new Promise<never>(() => undefined));
    expect(outcome).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('aborts the work when the caller aborts, and reports it as a timeout', async () => {
    const outer = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = withDeadline(outer.signal, 10_000, (signal) => {
      seen = signal;
      return new Promise<never>(() => undefined);
    });
    outer.abort();
    expect(await pending).toEqual({ kind: 'timeout' });
    expect(seen?.aborted).toBe(true);
  });

  it('passes on an error the work throws before the deadline', async () => {
    const outcome = await withDeadline(new AbortController().signal, 1000, async () => {
      throw new Error('refused');
    });
    expect(outcome.kind === 'thrown' && outcome.error instanceof Error && outcome.error.message).toBe('refused');
  });
});
