import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import { fakeCliIo } from './fakeCliIo.ts';
import { runCli } from './omniflowCli.ts';

const flow = buildTestFlow([
  {
    id: 'menu',
    type: 'menu',
    config: {
      prompt: en('Main menu.'),
      options: [
        { key: '1', label: { 'en-US': 'balance' }, synonyms: { 'en-US': ['check my balance'] } },
        { key: '2', label: { 'en-US': 'lost card' }, synonyms: { 'en-US': ['stolen card'] } },
      ],
    },
    to: { '1': 'bye', '2': 'bye', noInput: 'bye', noMatch: 'bye' },
  },
  { id: 'bye', type: 'end', config: { prompt: en('Bye.') } },
]);

/** `text` spoken by a flite voice through a telephone line: band-passed, 8 kHz μ-law, as a WAV file. */
function phoneWav(text: string, voice: string): Uint8Array {
  const wav = execFileSync('sh', [
    '-c',
    'flite -voice "$1" -t "$2" -o /dev/stdout | sox -t wav - -r 8000 -e mu-law -t wav - sinc 300-3400',
    'sh',
    voice,
    text,
  ]);
  return new Uint8Array(wav);
}

describe('omniflow recognize', () => {
  it('hears each recording at the node as a call would and reports the option reached and the accuracy', async () => {
    const manifest = {
      items: [
        { file: 'lost.wav', expect: '2', group: 'kal16' },
        { file: 'balance.wav', expect: '1', group: 'awb' },
        { file: 'weather.wav', expect: '' },
      ],
    };
    const io = fakeCliIo(
      {
        'flow.json': JSON.stringify(flow),
        'set/manifest.json': JSON.stringify(manifest),
        'set/lost.wav': phoneWav('lost card', 'kal16'),
        'set/balance.wav': phoneWav('check my balance', 'awb'),
        'set/weather.wav': phoneWav('what will the weather be like tomorrow afternoon', 'slt'),
      },
      [],
    );
    expect(await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', 'set/manifest.json'], io)).toBe(0);
    const lines: Record<string, unknown>[] = io.out.map((line) => JSON.parse(line));
    expect(lines.slice(0, 3).map((line) => line['file'])).toEqual(['lost.wav', 'balance.wav', 'weather.wav']);
    const byFile = new Map(lines.map((line) => [line['file'], line]));
    expect(byFile.get('lost.wav')).toMatchObject({ expect: '2', got: '2', ok: true, transcript: 'lost card' });
    expect(byFile.get('balance.wav')).toMatchObject({ got: '1', ok: true });
    expect(byFile.get('weather.wav')).toMatchObject({ expect: '', got: '', ok: true });
    expect(lines.at(-1)).toMatchObject({
      inGrammar: { total: 2, correct: 2, accuracy: 1 },
      outOfGrammar: { total: 1, accepted: 0 },
      groups: { kal16: { inGrammar: { total: 1, correct: 1 } } },
    });
    expect(io.err).toEqual(expect.arrayContaining([expect.stringMatching(/^\[3\/3\] \w+\.wav$/)]));
  }, 60_000);

  it('names what is wrong with a manifest, a node or a recording', async () => {
    const files = {
      'flow.json': JSON.stringify(flow),
      'bad.json': JSON.stringify({ items: [{ file: 'a.wav' }] }),
      'm.json': JSON.stringify({ items: [{ file: 'text.wav', expect: '1' }] }),
      'text.wav': 'not audio',
    };
    const io = fakeCliIo(files, []);
    expect(await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', 'bad.json'], io)).toBe(2);
    expect(io.err.at(-1)).toMatch(/\/items\/0\/expect: each item needs "expect"/);
    expect(await runCli(['recognize', '--flow', 'flow.json', '--node', 'nowhere', 'm.json'], io)).toBe(2);
    expect(io.err.at(-1)).toMatch(/no node "nowhere"/);
    expect(await runCli(['recognize', '--flow', 'flow.json', 'm.json'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/needs --flow, --node and one manifest file/);
    expect(await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', 'm.json'], io)).toBe(0);
    expect(JSON.parse(io.out[0] ?? '{}')).toMatchObject({ file: 'text.wav', ok: false, error: /not a .*WAV/ });
    expect(
      await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', '--locale', 'fr-FR', 'm.json'], io),
    ).toBe(0);
    expect(io.err).toContainEqual(
      expect.stringMatching(/zh-CN\/ko-KR menus by rule; fr-FR recordings will all be refused/),
    );
    expect(
      await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', '--adaptation', 'best', 'm.json'], io),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(/--adaptation is mllr or none/);
    expect(
      await runCli(['recognize', '--flow', 'flow.json', '--node', 'menu', '--model', '/nowhere', 'm.json'], io),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(/--model: \/nowhere has no en-us\/mdef/);
  });
});
