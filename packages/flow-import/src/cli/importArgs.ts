import type { ImportOptions } from '../importTypes.ts';

/** Usage line of the `import` subcommand. */
export const IMPORT_USAGE =
  'usage: omniflow import <file|folder>… [--from connect|twilio] [--locale en-US] [--out flow.json | --out-dir dir] [--report report.json]';

/** The parsed arguments of `omniflow import`. */
export interface ImportArgs {
  paths: string[];
  options: ImportOptions;
  /** Where the one imported flow is written (one file only). */
  out?: string;
  /** Folder every imported flow is written to, as `<id>.omniflow.json`. */
  outDir?: string;
  report?: string;
}

/** Parses `omniflow import` arguments; a string is what is wrong with them. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | string {
  const paths: string[] = [];
  const options: ImportOptions = {};
  const values: Partial<Record<'--out' | '--out-dir' | '--report', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = argv[i + 1];
    if (arg === '--from' || arg === '--locale' || arg === '--out' || arg === '--out-dir' || arg === '--report') {
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      i++;
      if (arg === '--from') {
        if (value !== 'connect' && value !== 'twilio') return `--from must be connect or twilio, not "${value}"`;
        options.from = value;
      } else if (arg === '--locale') options.locale = value;
      else values[arg] = value;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else paths.push(arg);
  }
  if (paths.length === 0) return 'which files or folders should be imported?';
  if (values['--out'] !== undefined && values['--out-dir'] !== undefined) return 'give --out or --out-dir, not both';
  const parsed: ImportArgs = { paths, options };
  if (values['--out'] !== undefined) parsed.out = values['--out'];
  if (values['--out-dir'] !== undefined) parsed.outDir = values['--out-dir'];
  if (values['--report'] !== undefined) parsed.report = values['--report'];
  return parsed;
}
