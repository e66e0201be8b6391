import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PocketsphinxDecoderPool } from './PocketsphinxDecoderPool.ts';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import { overThePhone, whiteNoise } from './testAudio.ts';

const MENU = `#JSGF V1.0;
grammar menu;
public <menu> = activate my card | card activation | [check] [my] balance | agent | report a lost card;`;

const never = new AbortController().signal;

/** Pids of running processes whose command is exactly `name`. */
function pidsOf(name: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim().split(/\s+/)[1] === name)
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('PocketsphinxDecoderPool', { timeout: 120_000 }, () => {
  const pool = new PocketsphinxDecoderPool({ processes: 2 });
  const pooled = new PocketsphinxRecognizer({ decoders: pool });
  const perProcess = new PocketsphinxRecognizer({ decoders: null });
  afterAll(() => pool.close());

  it('is built for these tests', () => {
    expect(pool.available()).toBe(true);
  });

  it('gives exactly the per-process answers (transcript and confidence), also for what must be refused', async () => {
    const audio = [
      ...['activate my card', 'check my balance', 'agent', 'report a lost card', 'balance'].map(overThePhone),
      overThePhone('what is the weather like today in paris'),
      overThePhone('cancel my account'),
      whiteNoise(1500, 16000, -20, 4),
      new Int16Array(16000),
    ];
    // Twice over: a decoder used before must answer as a fresh process does.
    for (const round of [1, 2])
      for (const pcm of audio) {
        const expected = await perProcess.recognize(pcm, MENU, 'en-US', never);
        expect({ round, result: await pooled.recognize(pcm, MENU, 'en-US', never) }).toEqual({
          round,
          result: expected,
        });
      }
  });

  it('starts no process per utterance: the same helpers decode every utterance, in parallel', async () => {
    await pooled.recognize(overThePhone('agent'), MENU, 'en-US', never);
    const helpers = pidsOf('omniflow-psdeco');
    const before = pidsOf('pocketsphinx_co').length;
    const phrases = ['activate my card', 'balance', 'agent', 'card activation', 'check my balance', 'agent'];
    const results = await Promise.all(
      phrases.map((phrase) => pooled.recognize(overThePhone(phrase), MENU, 'en-US', never)),
    );
    expect(results.map((r) => r?.transcript)).toEqual(phrases);
    expect(pidsOf('omniflow-psdeco')).toEqual(helpers);
    expect(pool.processes).toBeLessThanOrEqual(2);
    expect(pidsOf('pocketsphinx_co').length).toBe(before);
  });

  it('frees an aborted stream: its decoder serves the next utterance and the answer is unchanged', async () => {
    const controller = new AbortController();
    const stream = pooled.startStream(MENU, 'en-US', controller.signal);
    stream?.write(overThePhone('activate my card').subarray(0, 12000));
    controller.abort();
    await expect(stream?.finish()).rejects.toThrow(/abort/);
    const pcm = overThePhone('report a lost card');
    expect(await pooled.recognize(pcm, MENU, 'en-US', never)).toEqual(
      await perProcess.recognize(pcm, MENU, 'en-US', never),
    );
  });

  it('streams partial hypotheses while the caller speaks, without changing the result', async () => {
    const pcm = overThePhone('check my balance');
    const stream = pooled.startStream(MENU, 'en-US', never);
    if (stream?.partial === undefined) throw new Error('the pooled stream has no partial hypotheses');
    const partials: { transcript: string; complete: boolean }[] = [];
    for (let at = 0; at < pcm.length; at += 3200) {
      stream.write(pcm.subarray(at, at + 3200));
      const partial = await stream.partial();
      if (partial !== null) partials.push(partial);
    }
    expect(partials.at(-1)).toEqual({ transcript: 'check my balance', complete: true });
    // Before the last word the words are a prefix, not an option.
    expect(partials.some((p) => p.transcript !== '' && !p.complete)).toBe(true);
    expect(await stream.finish()).toEqual(await perProcess.recognize(pcm, MENU, 'en-US', never));
  });

  it('fails the passes of a helper that dies, and starts a new one for the next utterance', async () => {
    const own = new PocketsphinxDecoderPool({ processes: 1 });
    const recognizer = new PocketsphinxRecognizer({ decoders: own });
    const stream = recognizer.startStream(MENU, 'en-US', never);
    stream?.write(overThePhone('agent').subarray(0, 4096));
    await recognizer.recognize(overThePhone('agent'), MENU, 'en-US', never);
    const [pid] = own.pids;
    if (pid === undefined) throw new Error('no helper running');
    process.kill(pid, 'SIGKILL');
    await expect(stream?.finish()).rejects.toThrow(/helper/);
    expect((await recognizer.recognize(overThePhone('agent'), MENU, 'en-US', never))?.transcript).toBe('agent');
    expect(own.pids).not.toContain(pid);
    own.close();
  });

  it('frees the least recently used decoders beyond its cap, and answers the same with evicted ones made again', async () => {
    const own = new PocketsphinxDecoderPool({ processes: 1, keepDecoders: 1 });
    const small = new PocketsphinxRecognizer({ decoders: own });
    const YES_NO = '#JSGF V1.0;\ngrammar yn;\npublic <yn> = yes | no | yes please | no thanks;';
    for (const [grammar, phrase] of [
      [MENU, 'agent'],
      [YES_NO, 'yes please'],
      [MENU, 'check my balance'],
      [YES_NO, 'no thanks'],
    ] as const) {
      const pcm = overThePhone(phrase);
      expect(await small.recognize(pcm, grammar, 'en-US', never)).toEqual(
        await perProcess.recognize(pcm, grammar, 'en-US', never),
      );
    }
    own.close();
  });

  it('says what is wrong with arguments pocketsphinx refuses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'psdecoder-'));
    const pass = pool.start(['-hmm', join(dir, 'no-model'), '-jsgf', join(dir, 'none.gram')], {
      timeoutMs: 5000,
      lifetimeMs: 10_000,
    });
    pass.write(new Uint8Array(4096));
    await expect(pass.end()).rejects.toThrow(/pocketsphinx refused the pass: ERROR/);
    await rm(dir, { recursive: true });
  });
});
