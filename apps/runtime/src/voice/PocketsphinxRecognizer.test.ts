import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import { groupAlive, processGroupsMentioning, waitUntil } from './processGroupsMentioning.ts';
import { parseWav } from './pcm.ts';
import { phoneRecording, type SyntheticVoice } from './phoneRecording.ts';
import { resample } from './resample.ts';
import { overThePhone, whiteNoise } from './testAudio.ts';

const MENU = `#JSGF V1.0;
grammar menu;
public <menu> = activate my card | card activation | [check] [my] balance | agent | report a lost card;`;

const never = new AbortController().signal;

describe('PocketsphinxRecognizer', { timeout: 30_000 }, () => {
  const recognizer = new PocketsphinxRecognizer();

  it('recognizes in-grammar phrases spoken over a μ-law phone line, with high confidence', async () => {
    for (const phrase of ['activate my card', 'card activation', 'check my balance', 'balance', 'report a lost card']) {
      const result = await recognizer.recognize(overThePhone(phrase), MENU, 'en-US', never);
      expect(result?.transcript).toBe(phrase);
      expect(result?.confidence).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('returns no result for out-of-grammar speech, noise and silence', async () => {
    for (const phrase of [
      'what is the weather like today in paris',
      'I want to talk about my mortgage',
      'cancel my account',
      'hello',
    ]) {
      expect(await recognizer.recognize(overThePhone(phrase), MENU, 'en-US', never)).toBeNull();
    }
    expect(await recognizer.recognize(whiteNoise(1500, 16000, -20, 4), MENU, 'en-US', never)).toBeNull();
    expect(await recognizer.recognize(new Int16Array(16000), MENU, 'en-US', never)).toBeNull();
  });

  it('picks the option, not a key word, from a menu grammar as the engine writes it (optional prefix, spoken keys)', async () => {
    // "one" has a variant HH W AH N whose HH fits any breath: stretched over a sentence it used to win every time.
    const engineMenu = `#JSGF V1.0;
grammar menu;
public <choice> = [<prefix>] <option> [please] | <key>;
<option> = balance {1} | check my balance {1} | card activation {2} | activate my card {2};
<prefix> = i want [to] | i'd like [to] | i would like [to] | i need [to];
<key> = [option | number | press] (one {1} | two {2});`;
    for (const phrase of ['activate my card', 'check my balance', 'card activation', 'option two']) {
      expect((await recognizer.recognize(overThePhone(phrase), engineMenu, 'en-US', never))?.transcript).toBe(phrase);
    }
  });

  it('recognizes spoken digits and yes/no over the phone line, as the engine writes those grammars', async () => {
    const digits = `#JSGF V1.0;
grammar menu;
public <choice> = <digits>;
<digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine;
<digits> = <digit> <digit> <digit> <digit>;`;
    expect((await recognizer.recognize(overThePhone('one two three four'), digits, 'en-US', never))?.transcript).toBe(
      'one two three four',
    );
    // Four-digit strings are the hard case on a μ-law line: the model as Debian ships it got 3 of these 8 exactly
    // (four three two one, one two three four, eight one four nine), with the telephone-channel transform 5.
    const strings = ['four three two one', 'one two three four', 'five six seven eight', 'nine four zero two'];
    strings.push('four four five five', 'eight one four nine', 'two seven three six', 'six zero nine one');
    let exact = 0;
    for (const phrase of strings)
      if ((await recognizer.recognize(overThePhone(phrase), digits, 'en-US', never))?.transcript === phrase) exact++;
    expect(exact).toBeGreaterThanOrEqual(5);
    const yesNo =
      "#JSGF V1.0; grammar yn; public <a> = yes | yeah | sure | correct | that's right | no | nope | no thanks | wrong;";
    expect((await recognizer.recognize(overThePhone("that's right"), yesNo, 'en-US', never))?.transcript).toBe(
      "that's right",
    );
    expect((await recognizer.recognize(overThePhone('no thanks'), yesNo, 'en-US', never))?.transcript).toBe(
      'no thanks',
    );
  });

  it('still works when the grammar holds words the dictionary lacks', async () => {
    const grammar = '#JSGF V1.0; grammar g; public <g> = activate my card | omniflowish card;';
    expect((await recognizer.recognize(overThePhone('activate my card'), grammar, 'en-US', never))?.transcript).toBe(
      'activate my card',
    );
  });

  it('gives no result for a locale it has no model for, nor free-form Mandarin or Korean (no language model)', async () => {
    expect(await recognizer.recognize(overThePhone('activate my card'), MENU, 'fr-FR', never)).toBeNull();
    expect(await recognizer.recognize(overThePhone('activate my card'), null, 'zh-CN', never)).toBeNull();
    expect(recognizer.startStream(null, 'ko-KR', never)).toBeNull();
  });

  it('recognizes zh-CN and ko-KR menu phrases over a phone line with pronunciations made by rule (issue 19)', async () => {
    const heard = async (voice: SyntheticVoice, text: string, grammar: string, locale: string) => {
      const wav = parseWav(phoneRecording({ voice, text, speed: 1, pitchCents: 0, snrDb: 30, pauseMs: 400, seed: 7 }));
      if (wav === null) throw new Error('no audio');
      return recognizer.recognize(resample(wav.samples, 8000, 16000), grammar, locale, never, 8000);
    };
    const zh = `#JSGF V1.0;\ngrammar menu;\npublic <choice> = [<prefix>] <option>;\n<option> = 余额查询 {1} | 挂失 {2} | 人工服务 {4};\n<prefix> = 我想 | 我要;\n`;
    expect((await heard('espeak:cmn-latn-pinyin', '余额查询', zh, 'zh-CN'))?.transcript).toBe('余额查询');
    const ko = `#JSGF V1.0;\ngrammar menu;\npublic <choice> = <option>;\n<option> = 영업시간 {1} | 상담원 {2} | 상담원 연결 {2};\n`;
    expect((await heard('espeak:ko', '상담원', ko, 'ko-KR'))?.transcript).toBe('상담원');
    // A Mandarin grammar heard in English words: not in the language, no result.
    expect(await recognizer.recognize(overThePhone('what is the weather like today'), zh, 'zh-CN', never)).toBeNull();
  });

  it('stops when the call is aborted', async () => {
    const controller = new AbortController();
    const pending = recognizer.recognize(overThePhone('activate my card'), MENU, 'en-US', controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/aborted/);
  });

  it('times out a recognizer process that hangs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hang-'));
    const binary = join(dir, 'hang.sh');
    await writeFile(binary, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const slow = new PocketsphinxRecognizer({ binary, timeoutMs: 150 });
    // Made before the clock starts: synthesizing it takes seconds on a loaded machine and is not what is timed.
    const agent = overThePhone('agent');
    const started = performance.now();
    await expect(slow.recognize(agent, MENU, 'en-US', never)).rejects.toThrow(/timed out after 150 ms/);
    expect(performance.now() - started).toBeLessThan(3000);
    await rm(dir, { recursive: true });
  });

  describe('streaming', () => {
    /** Writes `pcm` in 20 ms pieces, yielding to the event loop between them as a live call does. */
    async function streamed(pcm: Int16Array, grammar: string, signal = never) {
      const stream = recognizer.startStream(grammar, 'en-US', signal);
      if (stream === null) throw new Error('pocketsphinx did not stream en-US');
      for (let at = 0; at < pcm.length; at += 320) {
        stream.write(pcm.subarray(at, at + 320));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return stream.finish();
    }

    it('gives exactly the batch answer (transcript and confidence) for speech written while it is spoken', async () => {
      for (const phrase of ['activate my card', 'check my balance', 'agent']) {
        const pcm = overThePhone(phrase);
        const live = await streamed(pcm, MENU);
        expect(live?.transcript).toBe(phrase);
        expect(live).toEqual(await recognizer.recognize(pcm, MENU, 'en-US', never));
      }
    });

    it('keeps low confidence as no result: out-of-grammar speech, noise and silence', async () => {
      expect(await streamed(overThePhone('what is the weather like today in paris'), MENU)).toBeNull();
      expect(await streamed(overThePhone('cancel my account'), MENU)).toBeNull();
      expect(await streamed(whiteNoise(1500, 16000, -20, 4), MENU)).toBeNull();
      expect(await streamed(new Int16Array(16000), MENU)).toBeNull();
    });

    it('does not stream a locale it has no model for', () => {
      expect(recognizer.startStream(MENU, 'fr-FR', never)).toBeNull();
    });

    it('leaves no process behind when a stream is aborted (barge-in by keypad, hang-up, no-input)', async () => {
      const workDir = await mkdtemp(join(tmpdir(), 'ps-abort-'));
      // The process-per-utterance form (no decoder helper built); the pooled one is tested in its own file.
      const own = new PocketsphinxRecognizer({ workDir, decoders: null });
      const groups = () => processGroupsMentioning(workDir);
      for (const when of ['before the decoders start', 'while they decode']) {
        const controller = new AbortController();
        const stream = own.startStream(MENU, 'en-US', controller.signal);
        if (stream === null) throw new Error('no stream');
        stream.write(overThePhone('activate my card').subarray(0, 8000));
        if (when === 'while they decode') await waitUntil(() => groups().size === 2, 5000);
        const running = groups();
        controller.abort();
        await expect(stream.finish()).rejects.toThrow(/abort/);
        await waitUntil(() => [...running].every((group) => !groupAlive(group)) && groups().size === 0);
      }
      await rm(workDir, { recursive: true });
    });

    it('leaves no process behind after a finished stream', async () => {
      const workDir = await mkdtemp(join(tmpdir(), 'ps-done-'));
      const own = new PocketsphinxRecognizer({ workDir, decoders: null });
      const stream = own.startStream(MENU, 'en-US', never);
      stream?.write(overThePhone('balance'));
      await waitUntil(() => processGroupsMentioning(workDir).size === 2, 5000);
      const running = processGroupsMentioning(workDir);
      expect((await stream?.finish())?.transcript).toBe('balance');
      expect([...running].filter(groupAlive)).toEqual([]);
      await rm(workDir, { recursive: true });
    });
  });
});
