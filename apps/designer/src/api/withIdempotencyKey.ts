import { ApiError } from './runtimeClient.ts';

/** How a keyed call is retried: tries in all and the wait between them (injected so tests never sleep). */
export interface RetryOptions {
  tries?: number;
  sleep?: (ms: number) => Promise<void>;
  newKey?: () => string;
}

/**
 * Sends one caller input under a fresh idempotency key and sends it again, with the same key, when its reply was lost
 * (the request failed in the network) or the runtime answered 503 (its store did not confirm the turn): the runtime
 * answers a repeated key with the stored reply, so a retry never runs the turn twice (issue 22). Other errors pass.
 */
export async function withIdempotencyKey<T>(call: (key: string) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const key = (options.newKey ?? (() => crypto.randomUUID()))();
  const tries = options.tries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(key);
    } catch (error) {
      const retryable = error instanceof TypeError || (error instanceof ApiError && error.status === 503);
      if (!retryable || attempt >= tries) throw error;
      await sleep(1000 * attempt);
    }
  }
}
