import type { Pool } from 'pg';
import { promptAudioFromRow } from './SqlitePromptAudioStore.ts';
import type { PromptAudio, PromptAudioInfo, PromptAudioStore } from './PromptAudioStore.ts';

/** Prompt recordings in the runtime's PostgreSQL database (table migrated by the flow store), shared by every process. */
export class PostgresPromptAudioStore implements PromptAudioStore {
  readonly #pool: Pool;

  constructor(pool: Pool) {
    this.#pool = pool;
  }

  async put(audio: PromptAudio): Promise<PromptAudioInfo> {
    await this.#pool.query(
      `INSERT INTO prompt_audio (id, media_type, name, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [audio.id, audio.mediaType, audio.name, audio.size, Buffer.from(audio.bytes), audio.createdAt],
    );
    const { rows } = await this.#pool.query(
      'SELECT id, media_type, name, size, created_at FROM prompt_audio WHERE id = $1',
      [audio.id],
    );
    const { bytes: _bytes, ...info } = promptAudioFromRow(rows[0]);
    return info;
  }

  async get(id: string): Promise<PromptAudio | undefined> {
    const { rows } = await this.#pool.query('SELECT * FROM prompt_audio WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : promptAudioFromRow(rows[0]);
  }

  async missing(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.#pool.query('SELECT id FROM prompt_audio WHERE id = ANY($1)', [ids]);
    const found = new Set(rows.map((row: { id: string }) => row.id));
    return ids.filter((id) => !found.has(id));
  }

  /** The pool belongs to the flow store, which closes it. */
  async close(): Promise<void> {}
}
