import { describe, expect, it } from 'vitest';
import { ApiError } from './runtimeClient.ts';
import { withIdempotencyKey } from './withIdempotencyKey.ts';

const noSleep = async () => undefined;

describe('withIdempotencyKey', () => {
  it('sends a retry after a lost reply or a 503 with the same key', async () => {
    const keys: string[] = [];
    const failures: unknown[] = [new TypeError('fetch failed'), new ApiError(503, [], null)];
    const reply = await withIdempotencyKey(
      async (key) => {
        keys.push(key);
        const failure = failures.shift();
        if (failure) throw failure;
        return 'turn';
      },
      { sleep: noSleep, newKey: () => 'k-1' },
    );
    expect(reply).toBe('turn');
    expect(keys).toEqual(['k-1', 'k-1', 'k-1']);
  });

  it('does not retry a refusal and gives up after the last try', async () => {
    let calls = 0;
    const refused = withIdempotencyKey(
      async () => {
        calls += 1;
        throw new ApiError(409, [], null);
      },
      { sleep: noSleep },
    );
    await expect(refused).rejects.toMatchObject({ status: 409 });
    expect(calls).toBe(1);
    const down = withIdempotencyKey(
      async () => {
        calls += 1;
        throw new ApiError(503, [], null);
      },
      { sleep: noSleep, tries: 2 },
    );
    await expect(down).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(3);
  });
});
