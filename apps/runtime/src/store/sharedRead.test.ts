import { describe, expect, it } from 'vitest';
import { sharedRead } from './sharedRead.ts';

describe('sharedRead', () => {
  it('gives callers of the same moment one read, and starts a new one once it settled or was dropped', async () => {
    const reads = new Map<string, Promise<number>>();
    let started = 0;
    const release: (() => void)[] = [];
    const read = () =>
      sharedRead(reads, 'k', () => {
        started += 1;
        const n = started;
        return new Promise<number>((resolve) => release.push(() => resolve(n)));
      });
    const first = [read(), read(), read()];
    expect(started).toBe(1);
    reads.delete('k'); // dropped (a revocation): the next caller reads anew
    const second = read();
    expect(started).toBe(2);
    for (const r of release.splice(0)) r();
    expect(await Promise.all(first)).toEqual([1, 1, 1]);
    expect(await second).toBe(2);
    expect(reads.size).toBe(0);
    const failing = sharedRead(reads, 'k', async () => Promise.reject(new Error('down')));
    await expect(failing).rejects.toThrow('down');
    expect(reads.size).toBe(0);
  });
});
