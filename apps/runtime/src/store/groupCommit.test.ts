import { describe, expect, it } from 'vitest';
import { groupCommit } from './groupCommit.ts';

describe('groupCommit', () => {
  it('commits the writes of one tick together and answers each its own result', async () => {
    const commits: number[][] = [];
    const group = groupCommit((writes: number[]) => {
      commits.push(writes);
      return writes.map((w) => w * 10);
    });
    expect(await Promise.all([group.add(1), group.add(2), group.add(3)])).toEqual([10, 20, 30]);
    expect(await group.add(4)).toBe(40);
    expect(commits).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every write of a failed commit, and keeps writes while held until flushed', async () => {
    let held = true;
    const group = groupCommit(
      (writes: string[]) => {
        if (writes.includes('bad')) throw new Error('disk full');
        return writes;
      },
      () => held,
    );
    const waiting = group.add('kept');
    await new Promise((resolve) => setImmediate(resolve));
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    held = false;
    group.flush();
    expect(await waiting).toBe('kept');
    await expect(Promise.all([group.add('ok'), group.add('bad')])).rejects.toThrow('disk full');
  });
});
