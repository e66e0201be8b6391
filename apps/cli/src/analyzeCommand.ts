import { analyzeJsonLines } from '@omniflow/analytics';
import type { CliCommand } from './cliCommand.ts';

/**
 * `omniflow analyze <file.jsonl | ->`: sentiment and redaction of each `{"text", "locale"}` line with the runtime's
 * own analysis, one JSON result per line on stdout; a bad line is named on stderr and makes the exit code 1.
 */
export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: 'analyze <file.jsonl | ->',
  async run(args, io) {
    const [file] = args;
    if (!file) {
      io.stderr(`usage: omniflow ${this.usage}  (each line: {"text": "...", "locale": "zh-CN"})`);
      return 2;
    }
    let lines: AsyncIterable<string> | Iterable<string>;
    if (file === '-') lines = io.lines();
    else {
      try {
        lines = (await io.readFile(file)).split(/\r?\n/);
      } catch (error) {
        io.stderr(`omniflow analyze: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
    }
    let failed = 0;
    for await (const result of analyzeJsonLines(lines)) {
      if ('error' in result) {
        failed++;
        io.stderr(`${file}:${result.line}: ${result.error}`);
      } else io.stdout(JSON.stringify(result));
    }
    return failed > 0 ? 1 : 0;
  },
};
