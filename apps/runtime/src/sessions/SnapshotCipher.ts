import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where in a conversation a sealed snapshot belongs; bound into the ciphertext so a row cannot be copied or replayed. */
export interface SnapshotContext {
  sessionId: string;
  /** The stored turn count the snapshot is written with (0 at start). */
  turn: number;
}

/** A stored snapshot failed authentication, names a key this runtime lacks, or is not a sealed snapshot at all. */
export class SnapshotUnreadableError extends Error {
  override readonly name = 'SnapshotUnreadableError';
}

const FORMAT = 'ofs1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** The embedded default's generated key, in the data dir. */
export const SNAPSHOT_KEY_FILE = 'snapshot-key';

/**
 * Seals engine snapshots at rest with AES-256-GCM: `ofs1.<key id>.<base64url(iv | tag | ciphertext)>`, the
 * session id and turn as additional authenticated data. New snapshots use the current key; old keys still open.
 */
export class SnapshotCipher {
  readonly #current: { id: string; key: Buffer };
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** Random IVs drawn in bulk: one CSPRNG call per 256 turns instead of one per turn. */
  #ivPool = Buffer.alloc(0);
  #ivAt = 0;

  /** `current` seals and opens; `old` keys only open (key rotation). Each key is 32 bytes. */
  constructor(current: Buffer, old: readonly Buffer[] = []) {
    const all = [current, ...old];
    for (const key of all) {
      if (key.length !== KEY_BYTES)
        throw new Error(`A snapshot key must be ${KEY_BYTES} bytes (base64 of 32 random bytes), got ${key.length}.`);
    }
    this.#current = { id: keyId(current), key: current };
    this.#keys = new Map(all.map((key) => [keyId(key), key]));
  }

  /**
   * The configured key (base64) or, when none is configured, the key file in `dataDir`, generated with mode 0600
   * on first start. Old keys (base64) are accepted for reading.
   */
  static fromConfig(config: {
    snapshotKey?: string;
    snapshotOldKeys: readonly string[];
    dataDir: string;
  }): SnapshotCipher {
    const old = config.snapshotOldKeys.map((k) => Buffer.from(k, 'base64'));
    if (config.snapshotKey) return new SnapshotCipher(Buffer.from(config.snapshotKey, 'base64'), old);
    const file = join(config.dataDir, SNAPSHOT_KEY_FILE);
    if (!existsSync(file)) {
      // Written whole under a temporary name, then linked into place: link fails when the file exists, so two
      // processes starting on one data dir keep the first key and neither can read a half-written file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
      try {
        linkSync(temporary, file);
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      } finally {
        unlinkSync(temporary);
      }
    }
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES)
      throw new Error(
        `${file} must hold base64 of ${KEY_BYTES} random bytes; restore it from a backup (sessions sealed with it cannot be read otherwise).`,
      );
    return new SnapshotCipher(key, old);
  }

  /** The id written in front of new snapshots (first 8 hex digits of a SHA-256 of the key). */
  get currentKeyId(): string {
    return this.#current.id;
  }

  /** Serializes and encrypts a snapshot for `context`. */
  seal(snapshot: unknown, context: SnapshotContext): string {
    const iv = this.#nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(aad(context));
    const body = cipher.update(JSON.stringify(snapshot), 'utf8');
    const final = cipher.final();
    return `${FORMAT}.${this.#current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body, final]).toString('base64url')}`;
  }

  #nextIv(): Buffer {
    if (this.#ivAt + IV_BYTES > this.#ivPool.length) {
      this.#ivPool = randomBytes(IV_BYTES * 256);
      this.#ivAt = 0;
    }
    this.#ivAt += IV_BYTES;
    return this.#ivPool.subarray(this.#ivAt - IV_BYTES, this.#ivAt);
  }

  /** Decrypts and parses a sealed snapshot of `context`; throws {@link SnapshotUnreadableError} when it cannot. */
  open(stored: unknown, context: SnapshotContext): unknown {
    if (typeof stored !== 'string')
      throw new SnapshotUnreadableError(
        'The stored snapshot is not sealed (written before encryption at rest, or edited by hand).',
      );
    const [format, id, payload, extra] = stored.split('.');
    if (format !== FORMAT || id === undefined || payload === undefined || extra !== undefined) {
      throw new SnapshotUnreadableError('The stored snapshot is not in the sealed format.');
    }
    const key = this.#keys.get(id);
    if (!key)
      throw new SnapshotUnreadableError(
        `The stored snapshot was sealed with key ${id}, which is not configured (OMNIFLOW_SNAPSHOT_KEY / OMNIFLOW_SNAPSHOT_OLD_KEYS).`,
      );
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SnapshotUnreadableError('The stored snapshot is truncated.');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(context));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    let text: string;
    try {
      text = decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    } catch {
      throw new SnapshotUnreadableError(
        'The stored snapshot failed its integrity check (tampered with, or moved from another session or turn).',
      );
    }
    return JSON.parse(text);
  }
}

function keyId(key: Buffer): string {
  return createHash('sha256').update('omniflow snapshot key id\0').update(key).digest('hex').slice(0, 8);
}

function aad(context: SnapshotContext): Buffer {
  return Buffer.from(`omniflow-session\0${context.sessionId}\0${context.turn}`, 'utf8');
}
