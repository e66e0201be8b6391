export { runCli, cliCommands } from './omniflowCli.ts';
export { loadCliRegistry } from './loadCliRegistry.ts';
export { toInput } from './simulateCommand.ts';
export type { CliCommand, CliIo } from './cliCommand.ts';
