import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJsgfGrammar } from './buildJsgfGrammar.ts';
import { checkJsgf } from './checkJsgf.ts';

// An extra check against the real recognizer (Debian `pocketsphinx`, `pocketsphinx-en-us`). CI relies on the
// pure checkJsgf tests in checkJsgf.test.ts and buildJsgfGrammar.test.ts; this file only runs where it is installed.
const BINARY = '/usr/bin/pocketsphinx_continuous';
const MODEL = '/usr/share/pocketsphinx/model/en-us';
const available =
  existsSync(BINARY) && existsSync(join(MODEL, 'en-us')) && existsSync(join(MODEL, 'cmudict-en-us.dict'));

const workDir = available ? mkdtempSync(join(tmpdir(), 'omniflow-jsgf-')) : '';

afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

/** Half a second of 16 kHz mono silence as a WAV file, so the recognizer loads the grammar and decodes. */
function silenceWav(): Buffer {
  const samples = 8000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24);
  header.writeUInt32LE(32000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}

let runs = 0;

function pocketsphinxAccepts(grammar: string): Promise<{ accepted: boolean; errors: string }> {
  runs += 1;
  const grammarFile = join(workDir, `g${runs}.gram`);
  const wavFile = join(workDir, 'silence.wav');
  if (!existsSync(wavFile)) writeFileSync(wavFile, silenceWav());
  writeFileSync(grammarFile, grammar);
  const args = [
    '-infile',
    wavFile,
    '-jsgf',
    grammarFile,
    '-hmm',
    join(MODEL, 'en-us'),
    '-dict',
    join(MODEL, 'cmudict-en-us.dict'),
  ];
  return new Promise((resolve) => {
    execFile(BINARY, args, { timeout: 30_000 }, (error, _stdout, stderr) => {
      const errors = stderr
        .split('\n')
        .filter((line) => line.startsWith('ERROR'))
        .join('\n');
      resolve({ accepted: error === null && errors === '', errors });
    });
  });
}

describe.skipIf(!available)('buildJsgfGrammar with pocketsphinx', () => {
  it.each([
    [
      'a menu with keys and extras',
      {
        choices: ['Balance', 'Card activation!', 'check my balance', '24 hour support'],
        keys: ['1', '2', '*', '#'],
        extraPhrases: ['agent', 'repeat'],
      },
    ],
    [
      'tagged choices',
      {
        name: 'menu_main',
        taggedChoices: [
          { tag: '1', phrases: ['balance'] },
          { tag: '2', phrases: ['card activation'] },
        ],
        keys: ['1', '2'],
      },
    ],
    ['yes/no and a digit range', { yesNo: true, digits: { min: 4, max: 6 } }],
    ['an open-ended digit string', { digits: { min: 1, max: 40 } }],
  ])(
    'pocketsphinx loads the grammar built for %s',
    async (_name, spec) => {
      const grammar = buildJsgfGrammar(spec, 'en-US');
      expect(checkJsgf(grammar).ok).toBe(true);
      const result = await pocketsphinxAccepts(grammar);
      expect(result.errors).toBe('');
      expect(result.accepted).toBe(true);
    },
    60_000,
  );

  it.each([
    ['an unclosed group', '#JSGF V1.0;\ngrammar menu;\npublic <a> = (yes | no;\n'],
    ['a missing semicolon', '#JSGF V1.0;\ngrammar menu;\npublic <a> = yes\n<b> = no;\n'],
    ['an empty alternative', '#JSGF V1.0;\ngrammar menu;\npublic <a> = yes | | no;\n'],
    ['an undefined rule', '#JSGF V1.0;\ngrammar menu;\npublic <a> = yes <b>;\n'],
  ])(
    'pocketsphinx and checkJsgf both reject %s',
    async (_name, grammar) => {
      expect(checkJsgf(grammar).ok).toBe(false);
      expect((await pocketsphinxAccepts(grammar)).accepted).toBe(false);
    },
    60_000,
  );
});
