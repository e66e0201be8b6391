import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { compileFlow } from '@omniflow/flow-engine';
import { validateFlow } from '@omniflow/flow-schema';
import { flowAtNode } from '@omniflow/runtime/voice/flowAtNode.ts';
import { parseWav } from '@omniflow/runtime/voice/pcm.ts';
import { PHONE_ADAPTATIONS, PocketsphinxRecognizer } from '@omniflow/runtime/voice/PocketsphinxRecognizer.ts';
import { type RecordingOutcome, recognizeRecording } from '@omniflow/runtime/voice/recognizeRecording.ts';
import type { CliCommand, CliIo } from './cliCommand.ts';
import { readJsonFile } from './readJsonFile.ts';
import { type RecognitionScore, scoreRecognitions } from './scoreRecognitions.ts';

/** One recording of a manifest: its file (relative to the manifest) and the option key it should reach. */
export interface ManifestItem {
  file: string;
  /** The option key (port) the recording should reach; `""` when it must be refused. */
  expect: string;
  /** Optional label the summary groups by (a voice, a channel condition). */
  group?: string;
}

/**
 * `omniflow recognize --flow F --node N [--locale L] <manifest.json>`: plays each recording of the manifest to node N
 * of flow F through the voice gateway's own recognition path (a real voice call, pocketsphinx), prints one JSON line
 * per file and then the accuracy: in-grammar recordings that reached their option, and out-of-grammar recordings
 * (`expect: ""`) that were wrongly accepted. Progress goes to stderr.
 */
export const recognizeCommand: CliCommand = {
  name: 'recognize',
  usage:
    'recognize --flow <flow.json> --node <nodeId> [--locale L] [--jobs 2] [--adaptation mllr|none] [--model <dir>] <manifest.json>',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.stderr(`${parsed}\nusage: omniflow ${this.usage}`);
      return 2;
    }
    const flowJson = await readJsonFile(parsed.flow, io);
    const manifestJson = await readJsonFile(parsed.manifest, io);
    if (!flowJson.ok || !manifestJson.ok) return 1;
    const registry = await io.registry();
    const valid = validateFlow(flowJson.value, registry.catalog());
    if (!valid.ok) {
      for (const issue of valid.issues) io.stderr(`${issue.code} ${issue.pointer || '/'} ${issue.message}`);
      return 1;
    }
    const items = readManifest(manifestJson.value);
    if (typeof items === 'string') {
      io.stderr(`${parsed.manifest}: ${items}`);
      return 2;
    }
    const isolated = flowAtNode(valid.flow, parsed.node);
    if (isolated === null) {
      io.stderr(`flow "${valid.flow.id}" has no node "${parsed.node}" to listen at`);
      return 2;
    }
    const compiled = compileFlow(isolated, registry);
    if (!compiled.ok) {
      for (const issue of compiled.issues) io.stderr(`${issue.code} ${issue.pointer || '/'} ${issue.message}`);
      return 1;
    }
    const locale = parsed.locale ?? valid.flow.defaultLocale;
    const missing = missingRecognizer();
    if (missing !== null) {
      io.stderr(missing);
      return 1;
    }
    if (!/^(en|zh|cmn|ko)\b/i.test(locale))
      io.stderr(
        `warning: the recognizer here (pocketsphinx) knows en-US, and zh-CN/ko-KR menus by rule; ${locale} recordings will all be refused`,
      );
    // `--adaptation` picks the model's adaptation to phone lines (`none` measures the model as Debian ships it);
    // `--model` is a folder laid out as pocketsphinx-en-us's (`en-us/` and `cmudict-en-us.dict`), e.g. an adapted copy.
    const recognizer = new PocketsphinxRecognizer({
      ...(parsed.adaptation === undefined
        ? {}
        : { phoneAdaptation: parsed.adaptation === 'none' ? null : PHONE_ADAPTATIONS[parsed.adaptation] }),
      ...(parsed.model === undefined ? {} : { modelDir: parsed.model }),
    });
    const base = dirname(parsed.manifest);
    // Lines come out in the manifest's order whatever finishes first, so two runs compare line by line.
    const lines: ({ line: string; score: RecognitionScore } | undefined)[] = [];
    let printed = 0;
    let done = 0;
    const hear = async (item: ManifestItem, index: number): Promise<void> => {
      const path = isAbsolute(item.file) ? item.file : join(base, item.file);
      const heard = await hearFile(path, io, (audio) =>
        recognizeRecording({
          compiled: compiled.compiled,
          nodeId: parsed.node,
          locale,
          recognizer,
          audio,
          secrets: (name) => io.env[name],
        }),
      );
      done += 1;
      io.stderr(`[${done}/${items.length}] ${item.file}`);
      lines[index] = resultLine(item, heard);
      for (let ready = lines[printed]; ready !== undefined; ready = lines[printed]) {
        io.stdout(ready.line);
        printed += 1;
      }
    };
    // A few recordings at once: each decode is two processes, so more than the cores only adds waiting.
    let next = 0;
    await Promise.all(
      Array.from({ length: parsed.jobs }, async () => {
        while (next < items.length) {
          const index = next++;
          const item = items[index];
          if (item !== undefined) await hear(item, index);
        }
      }),
    );
    const scores = lines.flatMap((entry) => (entry === undefined ? [] : [entry.score]));
    io.stdout(JSON.stringify(scoreRecognitions(scores)));
    return 0;
  },
};

/** One recording's JSON line and its score. */
function resultLine(item: ManifestItem, heard: RecordingOutcome | string): { line: string; score: RecognitionScore } {
  if (typeof heard === 'string')
    return {
      line: JSON.stringify({ file: item.file, expect: item.expect, error: heard, ok: false }),
      score: { expect: item.expect, got: null, group: item.group },
    };
  const got = gotKey(heard.outcome);
  const line = JSON.stringify({
    file: item.file,
    expect: item.expect,
    got,
    transcript: heard.transcript ?? '',
    confidence: Number(heard.confidence.toFixed(3)),
    ok: got === item.expect,
    ...(item.group === undefined ? {} : { group: item.group }),
  });
  return { line, score: { expect: item.expect, got, group: item.group } };
}

/** What to install when the recognizer the gateway uses is not on this machine, or null when it is. */
function missingRecognizer(): string | null {
  const probe = spawnSync('pocketsphinx_continuous', ['-h'], { timeout: 10_000 });
  const model = existsSync('/usr/share/pocketsphinx/model/en-us/en-us');
  if (probe.error === undefined && model) return null;
  return 'pocketsphinx is not installed: install the Debian packages pocketsphinx and pocketsphinx-en-us (the voice gateway needs them too)';
}

/** The option key an outcome reached: its port for an option, `intent:<id>` for a global intent, `""` when refused. */
export function gotKey(outcome: string): string {
  if (outcome.startsWith('intent:')) return outcome;
  const port = outcome.startsWith('port:') ? outcome.slice('port:'.length) : '';
  return port === 'noMatch' || port === 'noInput' || port === 'error' ? '' : port;
}

async function hearFile(
  path: string,
  io: CliIo,
  recognize: (audio: NonNullable<ReturnType<typeof parseWav>>) => Promise<RecordingOutcome>,
): Promise<RecordingOutcome | string> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(path);
  } catch (error) {
    return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const audio = parseWav(bytes);
  if (audio === null) return `${path} is not a mono or multi-channel WAV of 16-bit PCM or 8-bit μ-law`;
  return recognize(audio);
}

/** The manifest's items, or what is wrong with it (with a JSON pointer). */
export function readManifest(value: unknown): ManifestItem[] | string {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { items?: unknown }).items))
    return '/items: the manifest must be an object with an "items" array ({"items": [{"file": "a.wav", "expect": "1"}]})';
  const items: ManifestItem[] = [];
  for (const [index, item] of ((value as { items: unknown[] }).items ?? []).entries()) {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    if (typeof record['file'] !== 'string' || record['file'] === '')
      return `/items/${index}/file: each item needs "file", the path of a WAV file (relative to the manifest)`;
    if (typeof record['expect'] !== 'string')
      return `/items/${index}/expect: each item needs "expect", the option key it should reach or "" when it must be refused`;
    if (record['group'] !== undefined && typeof record['group'] !== 'string')
      return `/items/${index}/group: "group" is a label (a string) the summary groups by`;
    items.push({
      file: record['file'],
      expect: record['expect'],
      ...(typeof record['group'] === 'string' ? { group: record['group'] } : {}),
    });
  }
  if (items.length === 0) return '/items: the manifest lists no recordings';
  return items;
}

interface RecognizeArgs {
  flow: string;
  node: string;
  locale?: string;
  jobs: number;
  manifest: string;
  adaptation?: 'mllr' | 'none';
  model?: string;
}

function parseArgs(args: readonly string[]): RecognizeArgs | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) positional.push(arg);
    else if (!['--flow', '--node', '--locale', '--jobs', '--adaptation', '--model'].includes(arg))
      return `unknown option ${arg}`;
    else if (args[i + 1] === undefined) return `${arg} needs a value`;
    else values.set(arg, args[++i] ?? '');
  }
  const flow = values.get('--flow');
  const node = values.get('--node');
  const manifest = positional[0];
  if (flow === undefined || node === undefined || manifest === undefined || positional.length > 1)
    return 'recognize needs --flow, --node and one manifest file';
  const jobs = Number(values.get('--jobs') ?? '2');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) return '--jobs is a whole number from 1 to 16';
  const locale = values.get('--locale');
  const adaptation = values.get('--adaptation');
  if (adaptation !== undefined && adaptation !== 'mllr' && adaptation !== 'none') return '--adaptation is mllr or none';
  const model = values.get('--model');
  if (model !== undefined && !existsSync(join(model, 'en-us', 'mdef')))
    return `--model: ${model} has no en-us/mdef (a folder laid out as /usr/share/pocketsphinx/model/en-us)`;
  return {
    flow,
    node,
    jobs,
    manifest,
    ...(locale === undefined ? {} : { locale }),
    ...(adaptation === undefined ? {} : { adaptation }),
    ...(model === undefined ? {} : { model }),
  };
}
