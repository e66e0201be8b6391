import type { NodeTypeRegistry } from '@omniflow/flow-engine';

/** Where a CLI command reads and writes; injected so commands are testable without a process. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  /** Caller input, one line at a time, until the stream closes. */
  lines(): AsyncIterable<string>;
  readFile(path: string): Promise<string>;
  /** A file's bytes (recordings). */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  env: Readonly<Record<string, string | undefined>>;
  registry(): Promise<NodeTypeRegistry>;
}

/** One `omniflow <name>` subcommand; answers the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
