import { ConfigError, loadConfig } from './config/loadConfig.ts';
import { startRuntime } from './startRuntime.ts';
import { writeChatLinks } from './writeChatLinks.ts';

/** `pnpm start`: starts the runtime from environment variables (and OMNIFLOW_CONFIG), stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`omniflow: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await startRuntime(config);
  const lines = [
    `Omniflow runtime listening on ${runtime.url}  (store: ${runtime.store.kind}, data: ${config.dataDir})`,
    `  designer     ${runtime.url}/`,
    `  agent desk   ${runtime.url}/desk/  (demo sign-ins in the README: "Run a contact center in five minutes")`,
    `  API          ${runtime.url}/api/openapi.json`,
    `  web chat     ${runtime.url}/chat/<flowId>?token=<channel token>  (create one: POST /api/flows/<flowId>/channel-tokens)`,
    `  Twilio voice ${runtime.url}/twilio/voice/<flowId>`,
    `  metrics      ${runtime.url}/metrics`,
  ];
  // Tokens stay out of stdout (it ends up in log collectors): chat links with their channel tokens go to a 0600 file.
  const chatLinks = writeChatLinks(config.dataDir, runtime.url, runtime.seededChatPaths);
  if (chatLinks)
    lines.push(
      `  try a chat   links to the example flows' web chats are in ${chatLinks} (or a flow's Channels panel in the designer)`,
    );
  if (runtime.plugins.failed.length > 0)
    lines.push(`  plugin packs that failed to load: ${runtime.plugins.failed.map((f) => f.module).join(', ')}`);
  // Shown once, and only to a person at a terminal; a service manager's captured stdout never holds it.
  if (runtime.newAdminToken && process.stdout.isTTY)
    lines.push(`  admin token  ${runtime.newAdminToken}   (shown once; kept in ${runtime.adminTokenFile})`);
  else if (runtime.adminTokenFile) lines.push(`  admin token  in ${runtime.adminTokenFile}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = (signal: string): void => {
    runtime.logger.info({ signal }, 'shutting down: finishing in-flight turns');
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        runtime.logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `omniflow: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
