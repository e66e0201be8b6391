import { createHash } from 'node:crypto';
import type { InputEvent } from '@omniflow/flow-engine';
import { ApiError } from '../http/ApiError.ts';
import type { StoredInput } from '../store/FlowStore.ts';

/** A session start request as a client sent it, fingerprinted for a keyed start (its key aside). */
export type StartRequestBody = Record<string, unknown>;

/** The longest idempotency key accepted (a UUID is 36 characters). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** An input sent with a caller's idempotency key, and a fingerprint of the input that the key stands for. */
export interface KeyedInput {
  key: string;
  fingerprint: string;
}

/**
 * Checks a caller's idempotency key (the `Idempotency-Key` header, a chat message's `inputId`) and pairs it with the
 * fingerprint of the input (or of the session start request); `undefined` without a key. A key that is empty, too long or not printable ASCII is a 400.
 */
export function keyedInput(
  key: string | undefined,
  input: InputEvent | StartRequestBody,
  pointer: string,
): KeyedInput | undefined {
  if (key === undefined) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key))
    throw ApiError.badRequest(
      'BAD_IDEMPOTENCY_KEY',
      `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters without spaces (a UUID is a good one).`,
      pointer,
    );
  return { key, fingerprint: createHash('sha256').update(canonicalJson(input)).digest('base64url') };
}

/**
 * The reply stored under a repeated key, to answer again instead of running the turn twice; `undefined` when no turn
 * was stored with the key. The same key on a different input is a 422: the caller reused a key it should not have.
 */
export function repeatedReply(stored: StoredInput | undefined, keyed: KeyedInput): unknown {
  if (stored === undefined) return undefined;
  if (stored.fingerprint !== keyed.fingerprint)
    throw new ApiError(422, {
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: `The idempotency key "${keyed.key}" was already used for a different input in this session; send a new key for a new input.`,
      pointer: '',
    });
  return stored.reply;
}

/** JSON with object keys sorted, so one input always has one fingerprint whatever order a client wrote it in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .toSorted(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
