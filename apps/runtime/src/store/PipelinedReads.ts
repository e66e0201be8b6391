import { Client, type ClientConfig, type QueryConfig, type QueryResult, type QueryResultRow } from 'pg';

/**
 * One connection in pipeline mode for the reads of a turn (its head and idempotency key, a token): statements are
 * written as they come, without waiting for the one before, and no pool hands a connection out and takes it back per
 * statement (issue 22, cost of a turn: ~30 µs of the runtime's CPU a read). Only for statements that never wait on a
 * lock — plain SELECTs — since one that waited would hold up every read behind it. A connection that failed (a
 * restart, `pg_terminate_backend`) fails the reads on it, as a pooled one did, and the next read opens a new one.
 */
export class PipelinedReads {
  readonly #config: ClientConfig;
  #client: Promise<Client> | undefined;
  #closed = false;

  constructor(config: ClientConfig) {
    this.#config = { ...config, pipeline: true };
  }

  async query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    const client = await this.#connected();
    return client.query<R>(config);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = await this.#client?.catch(() => undefined);
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #connected(): Promise<Client> {
    if (this.#closed) return Promise.reject(new Error('The store is closed.'));
    if (this.#client === undefined) {
      const client = new Client(this.#config);
      const connecting = client.connect().then(() => client);
      const forget = () => {
        if (this.#client !== connecting) return;
        this.#client = undefined;
        void client.end().catch(() => undefined);
      };
      client.on('error', forget);
      client.on('end', forget);
      connecting.catch(forget);
      this.#client = connecting;
    }
    return this.#client;
  }
}
