/**
 * Estimates the MLLR transform that adapts the wideband en-US pocketsphinx model to the telephone channel (issue 19)
 * from the adaptation corpus `voice-sets/phoneAdapt.json` — sentences that are not in any test set, spoken by the
 * same kinds of synthetic voices over the same telephone channel model with another seed — and writes it to
 * `voice-models/en-us-phone.mllr`, which the recognizer gives the decoder (`-mllr`) for narrowband calls. It also
 * leaves a MAP-adapted copy of the model in `voice-sets/out/train-voice-models/map` (measured with
 * `omniflow recognize --model`; not used: see docs/voice.md).
 *
 * The audio goes through the gateway's own steps before the features are computed (μ-law decode, 8 → 16 kHz
 * resampling, the narrowband conditioner), so the transform maps the features the decoder really sees. Then the
 * CMUSphinx adaptation procedure: `sphinx_fe` (the model's own feat.params), `bw` (forced alignment counts against
 * the corpus' transcripts), `mllr_solve` (one global mean transform), `map_adapt` (MAP re-estimation of the means
 * and variances, the model's own weights kept). Deterministic: the corpus is.
 *
 * Needs Debian's `sphinxtrain` and `sphinxbase-utils` (the runtime needs neither; the transform is committed).
 * Run: `pnpm --filter @omniflow/runtime exec tsx voice-sets/adaptToPhone.ts [--spec voice-sets/phoneAdapt.json]
 * [--out voice-models] [--except-voice flite:kal16,espeak:en-029]` (~2 min).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { NarrowbandConditioner } from '../src/voice/NarrowbandConditioner.ts';
import { BAND_IMAGE_GAIN, NOISE_FLOOR_DBFS } from '../src/voice/PocketsphinxRecognizer.ts';
import { parseWav, pcm16ToBytes } from '../src/voice/pcm.ts';
import { phoneRecording } from '../src/voice/phoneRecording.ts';
import { type PhoneSetSpec, phoneSetItems } from '../src/voice/phoneSet.ts';
import { resample } from '../src/voice/resample.ts';
import { sendumpToMixtureWeights } from '../src/voice/sendumpToMixtureWeights.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const specFile = resolve(option('--spec', 'voice-sets/phoneAdapt.json'));
const outDir = resolve(option('--out', 'voice-models'));
// The intermediate files (audio, features, counts) stay in the git-ignored output folder, one per target.
const work = resolve('voice-sets/out', `train-${basename(outDir)}`);
const exceptVoice = option('--except-voice', '');
const modelRoot = option('--model', '/usr/share/pocketsphinx/model/en-us');
const model = join(modelRoot, 'en-us');
const trainer = '/usr/lib/sphinxtrain';

const spec = JSON.parse(await readFile(specFile, 'utf8')) as PhoneSetSpec;
// `--except-voice a,b` leaves voices out, to measure on voices the adaptation never heard.
const items = phoneSetItems(spec).filter((item) => !exceptVoice.split(',').includes(item.recording.voice));
const pronunciations = await firstPronunciations(join(modelRoot, 'cmudict-en-us.dict'));

await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'raw'), { recursive: true });
await mkdir(join(work, 'model'), { recursive: true });
const ids: string[] = [];
const transcripts: string[] = [];
const words = new Set<string>();
for (const [index, item] of items.entries()) {
  const wav = parseWav(phoneRecording(item.recording));
  if (wav === null) throw new Error(`no audio for ${item.file}`);
  // The decoder's input for a phone call: 16 kHz after the gateway's resampler, then the narrowband conditioner.
  const wide = resample(wav.samples, wav.sampleRate, 16000);
  const conditioned = new NarrowbandConditioner({ noiseDbfs: NOISE_FLOOR_DBFS, imageGain: BAND_IMAGE_GAIN }).add(wide);
  const id = `u${String(index).padStart(4, '0')}`;
  await writeFile(join(work, 'raw', `${id}.raw`), pcm16ToBytes(conditioned));
  const spoken = item.text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  for (const word of spoken)
    if (!pronunciations.has(word)) throw new Error(`"${word}" (in "${item.text}") is not in the dictionary`);
  spoken.forEach((w) => words.add(w));
  ids.push(id);
  transcripts.push(`<s> ${spoken.join(' ')} </s> (${id})`);
  if (index % 50 === 0 || index === items.length - 1)
    process.stderr.write(`[${index + 1}/${items.length}] ${item.file}\n`);
}
await writeFile(join(work, 'adapt.fileids'), `${ids.join('\n')}\n`);
await writeFile(join(work, 'adapt.transcription'), `${transcripts.join('\n')}\n`);
await writeFile(join(work, 'adapt.dict'), `${[...words].map((w) => `${w} ${pronunciations.get(w)}`).join('\n')}\n`);

// bw needs the model in its training form: a text mdef and float mixture weights (Debian ships only the sendump).
const trainModel = join(work, 'model');
for (const file of ['means', 'variances', 'transition_matrices', 'feat.params', 'noisedict'])
  await copyFile(join(model, file), join(trainModel, file));
run('pocketsphinx_mdef_convert', ['-text', join(model, 'mdef'), join(trainModel, 'mdef.txt')]);
await writeFile(
  join(trainModel, 'mixture_weights'),
  sendumpToMixtureWeights(new Uint8Array(await readFile(join(model, 'sendump')))),
);

const features = (await readFile(join(model, 'feat.params'), 'utf8')).split(/\s+/).filter((w) => w !== '');
const feature = (name: string): string => features[features.indexOf(name) + 1] ?? '';
await mkdir(join(work, 'mfc'), { recursive: true });
// prettier-ignore
run('sphinx_fe', ['-argfile', join(model, 'feat.params'), '-samprate', '16000', '-c', join(work, 'adapt.fileids'),
  '-di', join(work, 'raw'), '-do', join(work, 'mfc'), '-ei', 'raw', '-eo', 'mfc', '-raw', 'yes', '-input_endian', 'little']);
await mkdir(join(work, 'accum'), { recursive: true });
// prettier-ignore
run(join(trainer, 'bw'), ['-hmmdir', trainModel, '-moddeffn', join(trainModel, 'mdef.txt'), '-ts2cbfn', '.ptm.',
  '-feat', feature('-feat'), '-svspec', feature('-svspec'), '-cmn', feature('-cmn'), '-agc', feature('-agc'),
  '-dictfn', join(work, 'adapt.dict'), '-fdictfn', join(trainModel, 'noisedict'), '-ctlfn', join(work, 'adapt.fileids'),
  '-lsnfn', join(work, 'adapt.transcription'), '-cepdir', join(work, 'mfc'), '-accumdir', join(work, 'accum')]);
await mkdir(outDir, { recursive: true });
// prettier-ignore
run(join(trainer, 'mllr_solve'), ['-meanfn', join(trainModel, 'means'), '-varfn', join(trainModel, 'variances'),
  '-outmllrfn', join(outDir, 'en-us-phone.mllr'), '-accumdir', join(work, 'accum')]);
// The MAP copy: the model's own files with re-estimated means and variances, laid out as pocketsphinx-en-us.
const mapModel = join(work, 'map');
await mkdir(join(mapModel, 'en-us'), { recursive: true });
for (const file of ['mdef', 'sendump', 'transition_matrices', 'feat.params', 'noisedict'])
  await copyFile(join(model, file), join(mapModel, 'en-us', file));
await copyFile(join(modelRoot, 'cmudict-en-us.dict'), join(mapModel, 'cmudict-en-us.dict'));
// prettier-ignore
run(join(trainer, 'map_adapt'), ['-moddeffn', join(trainModel, 'mdef.txt'), '-ts2cbfn', '.ptm.',
  '-meanfn', join(trainModel, 'means'), '-varfn', join(trainModel, 'variances'),
  '-mixwfn', join(trainModel, 'mixture_weights'), '-tmatfn', join(trainModel, 'transition_matrices'),
  '-accumdir', join(work, 'accum'), '-mapmeanfn', join(mapModel, 'en-us', 'means'), '-mapvarfn', join(mapModel, 'en-us', 'variances'),
  '-mapmixwfn', join(work, 'map.mixture_weights'), '-maptmatfn', join(work, 'map.transition_matrices')]);
process.stderr.write(
  `wrote ${join(outDir, 'en-us-phone.mllr')} and the MAP copy ${mapModel} from ${items.length} utterances\n`,
);

function run(binary: string, argv: readonly string[]): void {
  try {
    execFileSync(binary, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 << 20 });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(
      `${binary} failed: ${stderr
        .split('\n')
        .filter((l) => /ERROR|FATAL/.test(l))
        .slice(-5)
        .join('\n')}`,
      { cause: error },
    );
  }
}

/** Each word's first pronunciation: the alignment takes one per word, the one the decoder's dictionary leads with. */
async function firstPronunciations(dictFile: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const line of (await readFile(dictFile, 'utf8')).split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && !line.slice(0, space).includes('(') && !map.has(line.slice(0, space)))
      map.set(line.slice(0, space), line.slice(space + 1).trim());
  }
  return map;
}
