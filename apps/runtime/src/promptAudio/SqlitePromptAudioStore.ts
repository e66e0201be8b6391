import Database from 'better-sqlite3';
import { join } from 'node:path';
import { promptAudioMigration } from './promptAudioMigration.ts';
import type { PromptAudio, PromptAudioInfo, PromptAudioStore, PromptAudioType } from './PromptAudioStore.ts';

/** Prompt recordings in the runtime's SQLite file (`omniflow.db`), on a connection of their own. */
export class SqlitePromptAudioStore implements PromptAudioStore {
  readonly #db: Database.Database;

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  /**
   * Opens the table in `dataDir`'s `omniflow.db` (migrated by the flow store), or in a private in-memory database;
   * with the flow store on PostgreSQL the file holds only tables like this one, created here.
   */
  static open(dataDir: string): SqlitePromptAudioStore {
    const db = new Database(dataDir === ':memory:' ? ':memory:' : join(dataDir, 'omniflow.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    const migrated = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'prompt_audio'`).get();
    if (migrated === undefined) db.exec(promptAudioMigration('sqlite'));
    return new SqlitePromptAudioStore(db);
  }

  async put(audio: PromptAudio): Promise<PromptAudioInfo> {
    this.#db
      .prepare(
        `INSERT INTO prompt_audio (id, media_type, name, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(audio.id, audio.mediaType, audio.name, audio.size, Buffer.from(audio.bytes), audio.createdAt);
    const stored = await this.get(audio.id);
    if (stored === undefined) throw new Error(`prompt audio ${audio.id} vanished right after it was stored`);
    const { bytes: _bytes, ...info } = stored;
    return info;
  }

  async get(id: string): Promise<PromptAudio | undefined> {
    const row: unknown = this.#db.prepare('SELECT * FROM prompt_audio WHERE id = ?').get(id);
    return row === undefined ? undefined : promptAudioFromRow(row);
  }

  async missing(ids: readonly string[]): Promise<string[]> {
    const has = this.#db.prepare('SELECT 1 FROM prompt_audio WHERE id = ?');
    return ids.filter((id) => has.get(id) === undefined);
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

/** A `prompt_audio` row (SQLite or PostgreSQL) as a recording. */
export function promptAudioFromRow(row: unknown): PromptAudio {
  const field = (name: string): unknown => (typeof row === 'object' && row !== null ? Reflect.get(row, name) : null);
  const bytes = field('bytes');
  const createdAt = field('created_at');
  const mediaType = field('media_type');
  return {
    id: String(field('id')),
    mediaType: mediaType === 'audio/mpeg' ? 'audio/mpeg' : ('audio/wav' satisfies PromptAudioType),
    name: String(field('name')),
    size: Number(field('size')),
    createdAt: createdAt instanceof Date ? createdAt.toISOString() : String(createdAt),
    bytes: bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(),
  };
}
