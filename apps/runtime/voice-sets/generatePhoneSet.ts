/**
 * Generates a phone test set for `omniflow recognize` (issue 19): every phrase of a set spec in every voice, over a
 * telephone line (speed and pitch changes, 300–3400 Hz, line noise, 8 kHz μ-law), plus its manifest. Deterministic:
 * the same spec makes the same bytes. The WAVs land in a git-ignored folder.
 *
 * Run: `pnpm --filter @omniflow/runtime exec tsx voice-sets/generatePhoneSet.ts [--spec voice-sets/bankMenu.json]
 * [--out voice-sets/out/bankMenu] [--voices flite:kal16,espeak:en-us]`, then the command it prints.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { phoneRecording } from '../src/voice/phoneRecording.ts';
import { type PhoneSetSpec, phoneSetItems } from '../src/voice/phoneSet.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const specFile = resolve(option('--spec', 'voice-sets/bankMenu.json'));
const spec = JSON.parse(await readFile(specFile, 'utf8')) as PhoneSetSpec;
const outDir = resolve(option('--out', join(dirname(specFile), 'out', 'bankMenu')));
const voices = option('--voices', '');
const items = phoneSetItems(spec).filter((item) => voices === '' || voices.split(',').includes(item.recording.voice));
for (const [index, item] of items.entries()) {
  const path = join(outDir, item.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, phoneRecording(item.recording));
  if (index % 20 === 0 || index === items.length - 1)
    process.stderr.write(`[${index + 1}/${items.length}] ${item.file}\n`);
}
const manifest = {
  spec: relative(outDir, specFile),
  items: items.map(({ file, expect, group, text, recording }) => ({
    file,
    expect,
    group,
    text,
    speed: recording.speed,
    pitchCents: recording.pitchCents,
    snrDb: recording.snrDb,
  })),
};
const manifestFile = join(outDir, 'manifest.json');
await writeFile(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
const repoRoot = resolve(dirname(specFile), '../../..');
process.stderr.write(
  `wrote ${items.length} recordings and ${relative(process.cwd(), manifestFile)}; measure with:\n` +
    `pnpm omniflow recognize --flow ${spec.flow} --node ${spec.node} --locale ${spec.locale} ${relative(repoRoot, manifestFile)}\n`,
);
