import { describe, expect, it } from 'vitest';
import type { StoredTurn } from '../sessions/SessionService.ts';
import { TurnBatcher } from './TurnBatcher.ts';

const turn = (sessionId: string, text: string, status: StoredTurn['status'] = 'active'): StoredTurn => ({
  sessionId,
  flowId: 'bank',
  version: 1,
  channel: 'chat',
  locale: 'en-US',
  status,
  entries: [{ at: '2026-12-08T00:00:00.000Z', from: 'caller', text, kind: 'text' }],
});

/** A batcher whose batches are collected; `next()` resolves with the next batch handed on. */
function collecting() {
  const batches: StoredTurn[][] = [];
  let wake: (() => void) | undefined;
  const batcher = new TurnBatcher((turns) => {
    batches.push(turns);
    wake?.();
  });
  const next = async (): Promise<StoredTurn[]> => {
    const seen = batches.length;
    while (batches.length === seen) await new Promise<void>((resolve) => (wake = resolve));
    return batches[seen] ?? [];
  };
  return { batcher, batches, next };
}

describe('TurnBatcher (issue 13: the analysis of a turn runs after its reply, in batches)', () => {
  it('hands nothing on while the turn is being answered, then the whole batch at once', async () => {
    const { batcher, batches, next } = collecting();
    batcher.add(turn('a', 'hello'));
    batcher.add(turn('b', 'my card is lost'));
    // Same tick as the turns: the replies have not been written yet, so nothing may have been analyzed.
    expect(batches).toEqual([]);
    expect(batcher.pending).toBe(2);
    const batch = await next();
    expect(batch.map((t) => t.sessionId)).toEqual(['a', 'b']);
    expect(batcher.pending).toBe(0);
  });

  it('analyzes a session that took several turns meanwhile once, with all its entries', async () => {
    const { batcher, next } = collecting();
    batcher.add(turn('a', 'first'));
    batcher.add(turn('b', 'other'));
    batcher.add(turn('a', 'second'));
    const batch = await next();
    expect(batch).toHaveLength(2);
    expect(batch.find((t) => t.sessionId === 'a')?.entries.map((e) => e.text)).toEqual(['first', 'second']);
    // The session that moved again goes after the one that waited longer.
    expect(batch.map((t) => t.sessionId)).toEqual(['b', 'a']);
  });

  it('keeps the turn that ended a session apart from its live turns, so those are still checked as live', async () => {
    const { batcher, next } = collecting();
    batcher.add(turn('a', 'first'));
    batcher.add(turn('a', 'second'));
    batcher.add(turn('a', 'bye', 'ended'));
    const batch = await next();
    expect(batch.map((t) => [t.status, t.entries.map((e) => e.text)])).toEqual([
      ['active', ['first', 'second']],
      ['ended', ['bye']],
    ]);
  });

  it('starts a new batch for turns that arrive after one was handed on', async () => {
    const { batcher, next } = collecting();
    batcher.add(turn('a', 'one'));
    expect((await next()).map((t) => t.entries.length)).toEqual([1]);
    batcher.add(turn('a', 'two'));
    const second = await next();
    expect(second[0]?.entries.map((e) => e.text)).toEqual(['two']);
  });

  it('flushes at once on demand (settling, shutdown) without waiting for the next loop turn', () => {
    const { batcher, batches } = collecting();
    batcher.add(turn('a', 'one'));
    batcher.flush();
    expect(batches).toHaveLength(1);
    batcher.flush();
    expect(batches).toHaveLength(1);
  });

  it('takes no more turns once stopped, and drops what waited', async () => {
    const { batcher, batches } = collecting();
    batcher.add(turn('a', 'one'));
    batcher.stop();
    batcher.add(turn('b', 'two'));
    expect(batcher.pending).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    batcher.flush();
    expect(batches).toEqual([]);
  });
});
