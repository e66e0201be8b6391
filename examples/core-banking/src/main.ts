import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCoreBanking } from './startCoreBanking.ts';

const dataDir = process.env.CORE_BANKING_DATA_DIR ?? join(process.cwd(), 'data');
mkdirSync(dataDir, { recursive: true });
const replyDelayMs = Number(process.env.CORE_BANKING_REPLY_DELAY_MS ?? 0);
if (!Number.isInteger(replyDelayMs) || replyDelayMs < 0) {
  throw new Error(
    `CORE_BANKING_REPLY_DELAY_MS must be a whole number of milliseconds, got "${process.env.CORE_BANKING_REPLY_DELAY_MS}".`,
  );
}
const service = await startCoreBanking({
  port: Number(process.env.PORT ?? 4010),
  dbFile: join(dataDir, 'core-banking.sqlite'),
  apiKey: process.env.CORE_BANKING_API_KEY,
  replyDelayMs,
});
console.log(`core-banking listening on ${service.url} (API key from CORE_BANKING_API_KEY or the dev default)`);
const stop = (): void => {
  void service.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
