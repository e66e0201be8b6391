import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FlowStore, Role, TokenRecord } from '../store/FlowStore.ts';
import { sharedRead } from '../store/sharedRead.ts';

// Desk roles rank below every management role: an agent reads no flow.
const RANK: Record<Role, number> = { agent: -2, supervisor: -1, viewer: 0, editor: 1, publisher: 2, admin: 3 };

/** Who made a request: a management role, or a public channel token bound to one flow. */
export type Principal =
  { kind: 'role'; role: Role; tokenId: string; label: string } | { kind: 'channel'; flowId: string; tokenId: string };

/**
 * Whether `role` includes the rights of `needed`: viewer < editor < publisher < admin; on the desk agent <
 * supervisor, and an admin may do both. Management roles below admin have no desk rights.
 */
export function roleAtLeast(role: Role, needed: Role): boolean {
  if (needed === 'agent' || needed === 'supervisor')
    return role === 'admin' || (RANK[role] < 0 && RANK[role] >= RANK[needed]);
  return RANK[role] >= RANK[needed];
}

/** SHA-256 of a token; only hashes are stored, so a leaked database does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues and checks bearer tokens kept (hashed) in the flow store, with a small cache for the hot path. */
export class TokenService {
  readonly #store: FlowStore;
  /** Recent look-ups keyed by the clear token, so the per-turn check needs no SHA-256 (memory only, never stored). */
  readonly #byToken = new Map<string, CachedPrincipal>();
  readonly #now: () => number;
  /** Look-ups in flight, keyed by the clear token; a revocation drops them, so no later request joins one. */
  readonly #lookingUp = new Map<string, Promise<Principal | undefined>>();
  /** Whether cached look-ups may be trusted; false while revocations from other processes could be missed. */
  #cacheTrusted: () => boolean = () => true;

  constructor(store: FlowStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /**
   * Forgets cached look-ups whenever another process revokes a token (PostgreSQL NOTIFY), and trusts no cached
   * look-up while those notifications may be missed (the listener reconnecting): revocation reaches every process
   * within a round trip instead of the 5 s cache age.
   */
  followRevocations(listener: { listening: boolean; on(channel: string, handler: () => void): void }, channel: string) {
    listener.on(channel, () => {
      this.#byToken.clear();
      this.#lookingUp.clear();
    });
    this.#cacheTrusted = () => listener.listening;
  }

  /** Creates a token and answers its clear value once; only the hash is stored. */
  async issue(options: {
    role: Role | 'channel';
    flowId?: string;
    label?: string;
    expiresInSeconds?: number;
    value?: string;
  }): Promise<{ token: string; record: TokenRecord }> {
    const prefix = options.role === 'channel' ? 'ofc' : 'ofm';
    const token = options.value ?? `${prefix}_${randomBytes(24).toString('base64url')}`;
    const record: TokenRecord = {
      id: randomUUID(),
      hash: hashToken(token),
      role: options.role,
      flowId: options.flowId ?? null,
      label: options.label ?? '',
      createdAt: new Date(this.#now()).toISOString(),
      expiresAt: options.expiresInSeconds
        ? new Date(this.#now() + options.expiresInSeconds * 1000).toISOString()
        : null,
    };
    await this.#store.createToken(record);
    return { token, record };
  }

  /** The principal of a clear token, or `undefined` when unknown or expired. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const now = this.#now();
    const cached = this.#cacheTrusted() ? fresh(this.#byToken.get(token), now) : undefined;
    if (cached) return cached.principal;
    // One look-up of a token at a time: requests arriving while it runs share it (under load, every request of the
    // moment its cache entry aged out read the store again, issue 22).
    return sharedRead(this.#lookingUp, token, () => this.#lookUp(token, now));
  }

  async #lookUp(token: string, now: number): Promise<Principal | undefined> {
    const record = await this.#store.findTokenByHash(hashToken(token));
    const expiresAt = record?.expiresAt ? Date.parse(record.expiresAt) : Number.POSITIVE_INFINITY;
    const principal = record && now < expiresAt ? principalOf(record) : undefined;
    if (this.#byToken.size > 10_000) this.#byToken.clear();
    this.#byToken.set(token, { principal, expiresAt, at: now });
    return principal;
  }

  /**
   * The principal of a token looked up in the last 5 s, answered synchronously (the per-turn path); `null` when
   * the store must be asked ({@link authenticate}). Revocation takes effect within those 5 s.
   */
  cachedPrincipal(token: string): Principal | undefined | null {
    const cached = this.#cacheTrusted() ? fresh(this.#byToken.get(token), this.#now()) : undefined;
    return cached ? cached.principal : null;
  }

  /** Revokes every management token of `role` with this label (the local designer's earlier tokens). */
  async revokeLabelled(label: string, role: Role): Promise<number> {
    const stale = (await this.#store.listTokens({ role })).filter((t) => t.label === label);
    for (const record of stale) await this.#store.deleteToken(record.id);
    if (stale.length > 0) this.#byToken.clear();
    return stale.length;
  }

  /** Revokes a token by id. */
  async revoke(id: string): Promise<boolean> {
    this.#byToken.clear();
    return this.#store.deleteToken(id);
  }
}

interface CachedPrincipal {
  principal: Principal | undefined;
  expiresAt: number;
  at: number;
}

function fresh(cached: CachedPrincipal | undefined, now: number): CachedPrincipal | undefined {
  return cached && now - cached.at < 5000 && now < cached.expiresAt ? cached : undefined;
}

function principalOf(record: TokenRecord): Principal | undefined {
  if (record.role === 'channel')
    return record.flowId ? { kind: 'channel', flowId: record.flowId, tokenId: record.id } : undefined;
  return { kind: 'role', role: record.role, tokenId: record.id, label: record.label };
}

/** A token as listed by the admin API: never the hash or the clear value. */
export function publicToken(record: TokenRecord): Omit<TokenRecord, 'hash'> {
  const { hash: _hash, ...rest } = record;
  return rest;
}
