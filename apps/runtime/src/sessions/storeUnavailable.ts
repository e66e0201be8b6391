import { ApiError } from '../http/ApiError.ts';

/** Seconds a caller is told to wait before sending the same input again after a store failure. */
export const STORE_RETRY_AFTER_SECONDS = 1;

/**
 * The 503 a turn answers when the store did not confirm it (a lock held past the statement or busy timeout, a
 * stopped or unreachable database, a dropped connection): the session is as it was before the input, so the caller
 * sends the same input again (with the same `Idempotency-Key`) after `Retry-After`. Errors that are already API
 * answers pass through unchanged.
 */
export function storeUnavailable(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    503,
    {
      code: 'STORE_UNAVAILABLE',
      message: `The store did not answer (${describe(error)}); nothing was stored. Send the same request again in ${STORE_RETRY_AFTER_SECONDS} s.`,
      pointer: '',
    },
    { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
  );
}

function describe(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code ? `database error ${code}` : 'database unreachable';
}

/**
 * Runs a keyed turn and runs it again, at most `tries` times in all, while the store answers 503: the same idempotency
 * key makes a retry of a turn that was in fact stored answer the stored reply (a caller on a live call, who cannot be
 * asked to press the key again). Other errors pass at once.
 */
export async function retryWhileStoreUnavailable<T>(
  call: () => Promise<T>,
  options: { tries?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const tries = options.tries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503 || attempt >= tries) throw error;
      await sleep(STORE_RETRY_AFTER_SECONDS * 1000);
    }
  }
}
