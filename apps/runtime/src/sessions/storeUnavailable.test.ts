import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/ApiError.ts';
import { retryWhileStoreUnavailable, storeUnavailable } from './storeUnavailable.ts';

const noSleep = async () => undefined;

describe('retryWhileStoreUnavailable', () => {
  it('runs a turn again while the store answers 503, then answers its reply', async () => {
    const failures = [storeUnavailable(new Error('connection terminated'))];
    let calls = 0;
    const reply = await retryWhileStoreUnavailable(
      async () => {
        calls += 1;
        const failure = failures.shift();
        if (failure) throw failure;
        return 'turn';
      },
      { sleep: noSleep },
    );
    expect([reply, calls]).toEqual(['turn', 2]);
  });

  it('passes other errors at once and gives up after the last try', async () => {
    let calls = 0;
    const ended = retryWhileStoreUnavailable(async () => {
      calls += 1;
      throw new ApiError(409, { code: 'SESSION_ENDED', message: 'ended', pointer: '' });
    });
    await expect(ended).rejects.toMatchObject({ status: 409 });
    const down = retryWhileStoreUnavailable(
      async () => {
        calls += 1;
        throw storeUnavailable(new Error('down'));
      },
      { sleep: noSleep, tries: 2 },
    );
    await expect(down).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
  });
});
