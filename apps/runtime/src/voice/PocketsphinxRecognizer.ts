import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NarrowbandConditioner } from './NarrowbandConditioner.ts';
import { type DecoderPass, PocketsphinxDecoderPool } from './PocketsphinxDecoderPool.ts';
import { foreignPronunciation } from './foreignPronunciation.ts';
import { concatPcm, pcm16ToBytes, powerDbfs } from './pcm.ts';
import { prepareJsgf } from './prepareJsgf.ts';
import type { PartialResult, RecognitionResult, RecognitionStream, Recognizer } from './Recognizer.ts';
import { type ProcessResult, type StartedProcess, startProcess } from './runProcess.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/** Where pocketsphinx and its model live, and how strict recognition is. */
export interface PocketsphinxOptions {
  /** The `pocketsphinx-en-us` model folder. */
  modelDir?: string;
  binary?: string;
  timeoutMs?: number;
  /** Results below this confidence are no result. */
  minConfidence?: number;
  workDir?: string;
  logger?: VoiceLogger;
  /** Level of the noise floor added before decoding ({@link NarrowbandConditioner}); null adds none. */
  noiseFloorDbfs?: number | null;
  /** Gain of the telephone band's mirror image added above 4 kHz ({@link NarrowbandConditioner}); 0 adds none. */
  bandImageGain?: number;
  /** More `pocketsphinx_continuous` options for both passes (front-end settings such as `-remove_noise no`). */
  decoderArgs?: readonly string[];
  /**
   * The model's adaptation to phone lines, used when the call's audio is narrowband; null uses none. Defaults to
   * {@link PHONE_ADAPTATIONS}`.mllr` with the default model (an adaptation fits only the model it was made for).
   */
  phoneAdaptation?: PhoneAdaptation | null;
  /**
   * Long-lived decoders ({@link PocketsphinxDecoderPool}); default: one pool per process when its helper is built,
   * else (or with null) one `pocketsphinx_continuous` process per utterance and pass, as before.
   */
  decoders?: PocketsphinxDecoderPool | null;
}

let sharedPool: PocketsphinxDecoderPool | null | undefined;

/**
 * The process's pool of decoder helpers, or null (with one warning) when the helper has not been built or
 * `OMNIFLOW_PSDECODER=off` asks for one process per utterance and pass (the form before issue 19, for comparisons).
 */
function defaultPool(logger: VoiceLogger | undefined): PocketsphinxDecoderPool | null {
  if (process.env.OMNIFLOW_PSDECODER === 'off') return null;
  if (sharedPool === undefined) {
    const pool = new PocketsphinxDecoderPool(logger ? { logger } : {});
    sharedPool = pool.available() ? pool : null;
    if (sharedPool === null)
      logger?.warn(
        {},
        'omniflow-psdecoder is not built (make -C apps/runtime/native; needs libpocketsphinx-dev): one pocketsphinx process per utterance',
      );
  }
  return sharedPool;
}

/**
 * Short common words the garbage pass may use to explain speech that is not in the grammar: comparing the
 * grammar's best path with this free loop gives a confidence, which a constrained decoder alone does not.
 */
const GARBAGE_WORDS =
  'the a to of and in is it you that he was for on are with as i his they be at one have this from or had by what but some we can out other were all there when up use your how said an each she which do their time if will way about many then them would write like so these her long make thing see him two has look more day could go come did no most my over know than call first who may down side been now find oh um uh hello yes please weather pay bill book'.split(
    ' ',
  );

const TRAILING_SILENCE_SAMPLES = 4800;
/** Longest audio a stream may take before its processes are stopped (the VAD cuts utterances at 15 s). */
const MAX_STREAM_MS = 60_000;
const MARGIN_FOR_CERTAINTY = 10;
/**
 * Path-score margin per frame (grammar pass over garbage loop, whole audio so far) a partial result needs to count
 * as a complete answer for the grammar-aware end of speech. On a quarter of the bank menu's phone set (105 items,
 * partial taken after the whole recording), 26 of 77 in-grammar partials were whole sentences, 11 of them at 5.7–13.6;
 * 8 of 28 out-of-grammar ones were forced into a sentence, all below 0.
 */
const PARTIAL_MARGIN = 5;
export const NOISE_FLOOR_DBFS = -72;
/** Best of 0.3–1 on the bank menu's phone set (see NarrowbandConditioner). */
export const BAND_IMAGE_GAIN = 0.5;
const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/** An adaptation of the acoustic model to phone lines: an MLLR transform of its means, or adapted means and variances. */
export interface PhoneAdaptation {
  mllr?: string;
  means?: string;
  variances?: string;
}

const voiceModel = (file: string): string => fileURLToPath(new URL(`../../voice-models/${file}`, import.meta.url));
/** The default model's adaptations to the telephone channel, made by `voice-sets/adaptToPhone.ts`. */
export const PHONE_ADAPTATIONS = {
  mllr: { mllr: voiceModel('en-us-phone.mllr') },
} as const satisfies Record<string, PhoneAdaptation>;

/** Non-words in pocketsphinx output: sentence marks, silence, noise, and the null transitions of a grammar. */
const FILLER = /^(<s>|<\/s>|<sil>|\[[A-Z]+\]|\+\+.*\+\+|\(NULL\))$/;

interface Decode {
  /** Every word of the best path, silences included; `acoustic` is its acoustic score, when the backtrace gave it. */
  words: { word: string; start: number; end: number; posterior: number; acoustic?: number }[];
  score: number;
}

/** The grammar (or free-form) pass, and for a grammar the garbage-loop pass that gives its confidence. */
interface Decodes {
  main: Decode;
  garbage: Decode | null;
  files: GrammarFiles | null;
}

/** A grammar as the decoder gets it. */
interface GrammarFiles {
  grammarFile: string;
  dictFile: string;
  /** zh-CN and ko-KR: the ASCII token the decoder used → the words it stands for (pocketsphinx wants ASCII). */
  spelled: ReadonlyMap<string, string>;
  /** The grammar's own pronunciations, when they are not the English dictionary's (zh-CN, ko-KR). */
  lexicon: Map<string, string[]> | null;
  /** Its complete sentences as the decoder spells them (null when it has infinitely many). */
  sentences: ReadonlySet<string> | null;
}

/** The languages this recognizer decodes: English with its dictionary, Mandarin and Korean by rule (grammars only). */
type DecoderLanguage = 'en' | 'zh' | 'ko';

function decoderLanguage(locale: string, grammar: string | null): DecoderLanguage | null {
  if (/^en\b/i.test(locale)) return 'en';
  if (grammar === null) return null;
  if (/^(zh|cmn)\b/i.test(locale)) return 'zh';
  if (/^ko\b/i.test(locale)) return 'ko';
  return null;
}

/**
 * The default recognizer: pocketsphinx (`pocketsphinx_continuous`, Debian `pocketsphinx` + `pocketsphinx-en-us`)
 * decoding against the node's JSGF grammar, with a confidence from a second, grammar-free pass run in parallel.
 */
export class PocketsphinxRecognizer implements Recognizer {
  readonly name = 'pocketsphinx';
  private readonly modelDir: string;
  private readonly binary: string;
  private readonly timeoutMs: number;
  private readonly minConfidence: number;
  private readonly workDir: string;
  private readonly logger: VoiceLogger | undefined;
  private readonly noiseFloorDbfs: number | null;
  private readonly bandImageGain: number;
  private readonly decoderArgs: readonly string[];
  private readonly phoneArgs: readonly string[];
  private readonly decoders: PocketsphinxDecoderPool | null;
  private dictionary: Promise<Map<string, string[]>> | null = null;
  private readonly prepared = new Map<string, Promise<GrammarFiles | null>>();

  constructor(options: PocketsphinxOptions = {}) {
    this.modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
    this.binary = options.binary ?? 'pocketsphinx_continuous';
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.minConfidence = options.minConfidence ?? 0.5;
    // Grammar and dictionary files are named by content, so processes can share one folder.
    this.workDir = options.workDir ?? join(tmpdir(), 'omniflow-pocketsphinx');
    this.logger = options.logger;
    this.noiseFloorDbfs = options.noiseFloorDbfs === undefined ? NOISE_FLOOR_DBFS : options.noiseFloorDbfs;
    this.bandImageGain = options.bandImageGain ?? BAND_IMAGE_GAIN;
    this.decoderArgs = options.decoderArgs ?? [];
    // A custom binary is a custom decoder: only the stock one has the long-lived form.
    this.decoders =
      options.decoders !== undefined
        ? options.decoders
        : options.binary === undefined
          ? defaultPool(this.logger)
          : null;
    const adaptation: PhoneAdaptation | null =
      options.phoneAdaptation !== undefined
        ? options.phoneAdaptation
        : this.modelDir === DEFAULT_MODEL_DIR
          ? PHONE_ADAPTATIONS.mllr
          : null;
    this.phoneArgs = [
      ...(adaptation?.mllr === undefined ? [] : ['-mllr', adaptation.mllr]),
      ...(adaptation?.means === undefined ? [] : ['-mean', adaptation.means]),
      ...(adaptation?.variances === undefined ? [] : ['-var', adaptation.variances]),
    ];
  }

  /** Loads the dictionary and writes the grammar's files ahead of the first utterance. */
  prepare(grammar: string | null, locale: string): void {
    const language = decoderLanguage(locale, grammar);
    if (language === null) return;
    const ready = grammar === null ? this.loadDictionary() : this.grammarFiles(grammar, language);
    ready.catch((error: unknown) =>
      this.logger?.warn({ error: String(error) }, 'pocketsphinx could not prepare the grammar'),
    );
  }

  /** Recognizes 16 kHz PCM; null when the locale is not English, nothing matched, or confidence is low. */
  async recognize(
    pcm16k: Int16Array,
    grammar: string | null,
    locale: string,
    signal: AbortSignal,
    sourceRate?: number,
  ): Promise<RecognitionResult | null> {
    const stream = this.startStream(grammar, locale, signal, sourceRate);
    if (stream === null) {
      this.logger?.warn(
        { locale },
        'pocketsphinx decodes en-US, and zh-CN/ko-KR menus by rule only; plug in another Recognizer for this locale',
      );
      return null;
    }
    stream.write(pcm16k);
    return stream.finish();
  }

  /**
   * Starts the decoders now and feeds them the audio as it is written (through a pipe: `-infile /dev/stdin`),
   * so at the end only the last block and the trailing silence remain to decode. The bytes they read are
   * exactly those `recognize` would give them for the same audio, so both give the same answer.
   */
  startStream(
    grammar: string | null,
    locale: string,
    signal: AbortSignal,
    sourceRate?: number,
  ): RecognitionStream | null {
    const language = decoderLanguage(locale, grammar);
    if (language === null) return null;
    // Audio that was wideband at its source has its own upper band: no image on top (unknown counts as a phone line).
    const narrowband = sourceRate === undefined || sourceRate < 16000;
    const imageGain = narrowband ? this.bandImageGain : 0;
    const conditioner =
      this.noiseFloorDbfs === null && imageGain === 0
        ? null
        : new NarrowbandConditioner({ noiseDbfs: this.noiseFloorDbfs, imageGain });
    const passes = this.startPasses(grammar, language, signal, narrowband ? this.phoneArgs : []);
    // pocketsphinx reads its input in blocks of 2048 samples; smaller writes to a process would only cost system
    // calls. A pooled decoder blocks the audio itself and gets every write at once, so its partial result is current.
    const blockSamples = this.decoders === null ? 2048 : 1;
    let buffered: Int16Array[] = [];
    let bufferedSamples = 0;
    const flush = (): void => {
      const bytes = pcm16ToBytes(concatPcm(buffered));
      buffered = [];
      bufferedSamples = 0;
      passes.write(bytes);
    };
    let finished: Promise<RecognitionResult | null> | null = null;
    const heard: Int16Array[] = [];
    return {
      write(pcm16k) {
        if (finished !== null || pcm16k.length === 0) return;
        heard.push(pcm16k);
        buffered.push(conditioner === null ? pcm16k : conditioner.add(pcm16k));
        bufferedSamples += pcm16k.length;
        if (bufferedSamples >= blockSamples) flush();
      },
      partial: () => (finished === null ? passes.partial() : Promise.resolve(null)),
      finish: () => {
        if (finished === null) {
          // Trailing silence lets the grammar search reach a final state; without it a short word is often lost.
          const tail = new Int16Array(TRAILING_SILENCE_SAMPLES);
          buffered.push(conditioner === null ? tail : conditioner.add(tail));
          flush();
          const loud = loudExtent(concatPcm(heard));
          finished = passes.end().then((decodes) => this.interpret(decodes, loud));
        }
        return finished;
      },
    };
  }

  /** Starts the decoding processes once the grammar files exist; audio written before that waits in memory. */
  private startPasses(
    grammar: string | null,
    language: DecoderLanguage,
    signal: AbortSignal,
    channelArgs: readonly string[],
  ): { write(bytes: Uint8Array): void; partial(): Promise<PartialResult | null>; end(): Promise<Decodes | null> } {
    let early: Uint8Array[] | null = [];
    let processes: (StartedProcess | DecoderPass)[] = [];
    let files: GrammarFiles | null = null;
    const started = (async () => {
      files = grammar === null ? null : await this.grammarFiles(grammar, language);
      if (grammar !== null && files === null) return false;
      await this.loadDictionary();
      const argsList =
        files === null
          ? [['-dict', join(this.modelDir, 'cmudict-en-us.dict'), '-lm', join(this.modelDir, 'en-us.lm.bin')]]
          : [
              ['-dict', files.dictFile, '-jsgf', files.grammarFile],
              // The free loop is the costly pass; capping its active HMMs halves its CPU and moves its score by ~1%.
              ['-dict', files.dictFile, '-jsgf', join(this.workDir, 'garbage.gram'), '-maxhmmpf', '1500'],
            ];
      processes = argsList.map((args, pass) => {
        const all = [
          '-hmm',
          join(this.modelDir, 'en-us'),
          ...args,
          '-samprate',
          '16000',
          '-time',
          'yes',
          '-backtrace',
          'yes',
          ...channelArgs,
          ...this.decoderArgs,
        ];
        const bounds = { timeoutMs: this.timeoutMs, lifetimeMs: this.timeoutMs + MAX_STREAM_MS, signal };
        // The garbage loop (second pass) costs ~7× the grammar pass: the pool spreads passes by cost.
        const weight = pass === 0 ? 1 : 7;
        // The same arguments either way: a pooled decoder answers exactly as a process given `-infile` would.
        return this.decoders !== null
          ? this.decoders.start(all, { ...bounds, weight })
          : startProcess(this.binary, [...all, '-infile', '/dev/stdin'], { ...bounds, stdinAsPipe: true });
      });
      for (const bytes of early ?? []) for (const pass of processes) pass.write(bytes);
      early = null;
      return true;
    })();
    started.catch(() => undefined);
    return {
      write(bytes) {
        if (early !== null) early.push(bytes);
        else for (const pass of processes) pass.write(bytes);
      },
      /**
       * The grammar pass's best words so far, and whether they make a whole sentence of the grammar that explains
       * the audio clearly better than the garbage loop does (a constrained decoder forces any speech into some
       * sentence; out-of-grammar speech must not end early).
       */
      async partial() {
        if (!(await started)) return null;
        const [main, garbage] = await Promise.all(
          processes.map((pass) => ('partial' in pass ? pass.partial() : Promise.resolve(null))),
        );
        if (main === null || main === undefined) return null;
        const transcript = main.hypothesis
          .split(' ')
          .filter((word) => word !== '' && !FILLER.test(word))
          .map((word) => word.replace(/\(\d+\)$/, ''))
          .join(' ');
        const margin =
          garbage === null || garbage === undefined ? 0 : (main.score - garbage.score) / Math.max(1, main.frames);
        const sentences = files?.sentences ?? null;
        return { transcript, complete: (sentences?.has(transcript) ?? false) && margin >= PARTIAL_MARGIN };
      },
      async end() {
        if (!(await started)) return null;
        const [first, second] = await Promise.all(processes.map((pass) => pass.end()));
        if (first === undefined) return null;
        return {
          main: parseDecode(checked(first)),
          garbage: second === undefined ? null : parseDecode(checked(second)),
          files,
        };
      },
    };
  }

  private async interpret(decodes: Decodes | null, loud: number): Promise<RecognitionResult | null> {
    if (decodes === null) return null;
    const spoken = decodes.main.words.filter((w) => !FILLER.test(w.word));
    if (spoken.length === 0) return null;
    const spelled = decodes.files?.spelled ?? new Map<string, string>();
    const tokens = spoken.map((w) => w.word.replace(/\(\d+\)$/, ''));
    // Mandarin is written without spaces; the engine's matcher compares it so.
    const transcript = tokens
      .map((token) => spelled.get(token) ?? token)
      .join(tokens.some((token) => token.startsWith('zh_')) ? '' : ' ');
    // Free-form speech has no garbage pass: its confidence is the mean word posterior.
    const confidence =
      decodes.garbage === null
        ? spoken.reduce((sum, w) => sum + w.posterior, 0) / spoken.length
        : grammarConfidence(decodes.main, decodes.garbage, loud) *
          durationPlausibility(spoken, phoneCounts(decodes.files?.lexicon ?? (await this.loadDictionary())));
    // The words stay out of the log: a caller may speak a card number or an ID, and logs are not redacted.
    this.logger?.debug({ words: spoken.length, confidence }, 'pocketsphinx result');
    if (confidence < this.minConfidence) return null;
    return { transcript, confidence, alternatives: [] };
  }

  /** Writes the grammar and a dictionary of just its words (loading 135k words per call would cost 100 ms). */
  private grammarFiles(grammar: string, language: DecoderLanguage): Promise<GrammarFiles | null> {
    const key = createHash('sha1').update(`${language}\n${grammar}`).digest('hex').slice(0, 16);
    let files = this.prepared.get(key);
    if (files === undefined) {
      files = this.writeGrammar(grammar, key, language);
      this.prepared.set(key, files);
      if (this.prepared.size > 500) this.prepared.delete(this.prepared.keys().next().value ?? key);
    }
    return files;
  }

  private async writeGrammar(grammar: string, key: string, language: DecoderLanguage): Promise<GrammarFiles | null> {
    const dictionary = await this.loadDictionary();
    const foreign = language === 'en' ? null : spellForeignGrammar(grammar, language);
    const lexicon = foreign?.lexicon ?? dictionary;
    const prepared = prepareJsgf(foreign?.grammar ?? grammar, (w) => lexicon.has(w));
    if (prepared === null) {
      this.logger?.warn({ grammar }, 'speech grammar unusable by pocketsphinx (no public rule with known words)');
      return null;
    }
    if (prepared.dropped.length > 0)
      this.logger?.warn(
        { words: prepared.dropped },
        'grammar words missing from the pocketsphinx dictionary were dropped',
      );
    // Foreign grammars too are compared with the loop of English words: it stands for any speech (measured against a
    // loop of the language's common syllables spelled by the same rules, zh-CN reached 13 against 11 of 84).
    const lines = [
      ...prepared.words.flatMap((w) => withoutBreathVariants(lexicon.get(w) ?? [])),
      ...GARBAGE_WORDS.filter((w) => !prepared.words.includes(w)).flatMap((w) =>
        withoutBreathVariants(dictionary.get(w) ?? []),
      ),
    ];
    const grammarFile = join(this.workDir, `g-${key}.gram`);
    const dictFile = join(this.workDir, `g-${key}.dict`);
    // Optional groups and rule references reach pocketsphinx's FSG as null transitions, which it mishandles
    // (short paths win, "(NULL)" words appear): a finite grammar goes in as its flat list of sentences.
    const flat =
      prepared.sentences === null
        ? prepared.grammar
        : `#JSGF V1.0;\ngrammar flat;\npublic <s> = ${prepared.sentences.join(' | ')};\n`;
    await writeAtomically(grammarFile, flat);
    await writeAtomically(dictFile, `${lines.join('\n')}\n`);
    return {
      grammarFile,
      dictFile,
      spelled: foreign?.spelled ?? new Map(),
      lexicon: foreign?.lexicon ?? null,
      sentences: prepared.sentences === null ? null : new Set(prepared.sentences),
    };
  }

  private loadDictionary(): Promise<Map<string, string[]>> {
    this.dictionary ??= (async () => {
      const text = await readFile(join(this.modelDir, 'cmudict-en-us.dict'), 'utf8');
      const map = new Map<string, string[]>();
      for (const line of text.split('\n')) {
        const word = line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '');
        if (word === '') continue;
        const entries = map.get(word);
        if (entries) entries.push(line);
        else map.set(word, [line]);
      }
      await mkdir(this.workDir, { recursive: true });
      const garbage = `#JSGF V1.0;\ngrammar garbage;\npublic <garbage> = (${GARBAGE_WORDS.join(' | ')})+;\n`;
      await writeAtomically(join(this.workDir, 'garbage.gram'), garbage);
      return map;
    })();
    return this.dictionary;
  }
}

/**
 * Confidence of a grammar decode: how much better per frame the grammar explains the audio than the garbage loop
 * (MARGIN_FOR_CERTAINTY log-units per frame or more is certain), times how much of the speech the grammar's words cover (an
 * out-of-grammar sentence is typically matched by one short word and silence). Calibrated on flite voices.
 */
function grammarConfidence(inGrammar: Decode, garbage: Decode, loud: number): number {
  const spoken = span(inGrammar);
  const margin = acousticMargin(inGrammar, garbage) ?? (inGrammar.score - garbage.score) / Math.max(1, spoken * 100);
  // The loop also turns line noise before or after the words into words; the loud part of the audio bounds it.
  const speechSpan = Math.min(span(garbage) || spoken, loud > 0 ? loud : Number.POSITIVE_INFINITY);
  const coverage = speechSpan > 0 ? spoken / speechSpan : 0;
  return clamp(margin / MARGIN_FOR_CERTAINTY) * clamp((coverage - 0.4) / 0.4);
}

/**
 * How much better per frame the grammar's words explain their own stretch of audio than the loop does (acoustic
 * scores only, the loop's words counted for the share of them inside that stretch), or null without a backtrace.
 * Line noise before and after the words is left out: the loop turns it into words better than the grammar's silence
 * does, which made every answer on a noisy line look out of grammar.
 */
function acousticMargin(inGrammar: Decode, garbage: Decode): number | null {
  const words = inGrammar.words.filter((w) => !FILLER.test(w.word));
  if (words.some((w) => w.acoustic === undefined) || garbage.words.some((w) => w.acoustic === undefined)) return null;
  const frames = words.reduce((sum, w) => sum + (w.end - w.start + 0.01) * 100, 0);
  if (frames === 0) return null;
  const ours = words.reduce((sum, w) => sum + (w.acoustic ?? 0), 0);
  let theirs = 0;
  for (const g of garbage.words) {
    const length = g.end - g.start + 0.01;
    const inside = words.reduce(
      (sum, w) => sum + Math.max(0, Math.min(w.end, g.end) - Math.max(w.start, g.start) + 0.01),
      0,
    );
    theirs += ((g.acoustic ?? 0) * Math.min(length, inside)) / length;
  }
  return (ours - theirs) / frames;
}

/**
 * Seconds from the first to the last loud 10 ms frame: within 35 dB of the loudest and 12 dB above the quiet end
 * (10th percentile) of the utterance, which on a phone line is its noise.
 */
function loudExtent(pcm16k: Int16Array): number {
  const frame = 160;
  const levels: number[] = [];
  for (let at = 0; at + frame <= pcm16k.length; at += frame) levels.push(powerDbfs(pcm16k, at, at + frame));
  if (levels.length === 0) return 0;
  const sorted = levels.toSorted((a, b) => a - b);
  const threshold = Math.max((sorted[Math.floor(sorted.length / 10)] ?? -100) + 12, (sorted.at(-1) ?? 0) - 35);
  const first = levels.findIndex((level) => level > threshold);
  const last = levels.findLastIndex((level) => level > threshold);
  return first < 0 ? 0 : (last - first + 1) / 100;
}

/**
 * A zh-CN or ko-KR grammar with each run of Han characters or Hangul replaced by an ASCII token (`zh_0`, `ko_3`)
 * and a lexicon of those tokens' pronunciations in the en-US model's phones ({@link foreignPronunciation}).
 */
function spellForeignGrammar(
  grammar: string,
  language: 'zh' | 'ko',
): { grammar: string; spelled: Map<string, string>; lexicon: Map<string, string[]> } {
  const spelled = new Map<string, string>();
  const tokens = new Map<string, string>();
  const lexicon = new Map<string, string[]>();
  const text = grammar.replace(/[\p{Script=Han}\uac00-\ud7a3]+/gu, (run) => {
    let token = tokens.get(run);
    const phones = foreignPronunciation(run, language);
    if (token === undefined && phones !== null) {
      token = `${language}_${tokens.size}`;
      tokens.set(run, token);
      spelled.set(token, run);
      lexicon.set(token, [`${token} ${phones.join(' ')}`]);
    }
    return token === undefined ? run : ` ${token} `;
  });
  return { grammar: text, spelled, lexicon };
}

/** Writes through a temporary name, so another process sharing the folder never reads half a file. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

/**
 * Drops pronunciation variants that add a leading HH the main one lacks ("one(2) HH W AH N"): the HH model also
 * fits breath and line noise, so such a variant stretched over a whole utterance wins against the right words.
 */
function withoutBreathVariants(lines: readonly string[]): string[] {
  const primaryPhones = lines[0]?.split(' ')[1];
  return lines.filter((line, i) => i === 0 || !(line.split(' ')[1] === 'HH' && primaryPhones !== 'HH'));
}

function phoneCounts(dictionary: Map<string, string[]>): (token: string) => number {
  return (token) => {
    const entry = dictionary.get(token.replace(/\(\d+\)$/, ''))?.find((line) => line.startsWith(`${token} `));
    return Math.max(1, (entry?.split(' ').length ?? 2) - 1);
  };
}

/**
 * 1 when every recognized word lasts a speakable time per phone (≤ 180 ms), falling to 0 at 300 ms: a short
 * word stretched over a whole sentence is the decoder's way of saying it found nothing better.
 */
function durationPlausibility(
  words: readonly { word: string; start: number; end: number }[],
  phones: (token: string) => number,
): number {
  const slowest = Math.max(...words.map((w) => ((w.end - w.start) * 1000) / phones(w.word)));
  return clamp((300 - slowest) / 120);
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function span(decode: Decode): number {
  const spoken = decode.words.filter((w) => !FILLER.test(w.word));
  const first = spoken[0];
  const last = spoken[spoken.length - 1];
  return first && last ? last.end - first.start : 0;
}

/** The output of a decoder run that succeeded. */
function checked(result: ProcessResult): { stdout: string; stderr: string } {
  if (result.code !== 0) throw new Error(`pocketsphinx failed (${result.code}): ${lastError(result.stderr)}`);
  return { stdout: result.stdout.toString('utf8'), stderr: result.stderr };
}

/** Reads `-time yes` word lines from stdout and the `-backtrace yes` path scores from stderr. */
function parseDecode({ stdout, stderr }: { stdout: string; stderr: string }): Decode {
  const words: Decode['words'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) (\d+\.\d+) (\d+\.\d+) (\d+(?:\.\d+)?)$/.exec(line.trim());
    if (m) words.push({ word: m[1] ?? '', start: Number(m[2]), end: Number(m[3]), posterior: Number(m[4]) });
  }
  let score = 0;
  const acoustic: { word: string; score: number }[] = [];
  for (const line of stderr.split('\n')) {
    const s = /pocketsphinx\.c\(\d+\): .* \((-?\d+)\)$/.exec(line);
    if (s) score += Number(s[1]);
    // Backtrace rows: word, start and end frame, posterior, acoustic score, language score, back-off.
    const row = /^(\S+)\s+\d+\s+\d+\s+\S+\s+(-?\d+)\s+-?\d+\s+\d+\s*$/.exec(line);
    if (row) acoustic.push({ word: row[1] ?? '', score: Number(row[2]) });
  }
  // The backtrace lists the same path as stdout, row for row: its acoustic scores go to the timed words.
  if (acoustic.length === words.length && acoustic.every((row, i) => row.word === words[i]?.word))
    for (const [i, word] of words.entries()) word.acoustic = acoustic[i]?.score ?? 0;
  return { words, score };
}

function lastError(stderr: string): string {
  return (
    stderr
      .split('\n')
      .filter((l) => l.startsWith('ERROR'))
      .pop() ?? stderr.slice(-200)
  );
}
