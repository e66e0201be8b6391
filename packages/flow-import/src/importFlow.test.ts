import { describe, expect, it } from 'vitest';
import { foreignFixtureFiles, readForeignFixture } from './foreignFixtures.ts';
import { importFlow } from './importFlow.ts';

// A small deterministic generator so a failing fuzz case can be replayed from its seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function garbage(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 8));
  const words = [
    'Version',
    'StartAction',
    'Actions',
    'states',
    'trigger',
    'type',
    'Identifier',
    'Transitions',
    'next',
    '{{widgets.x.Digits}}',
    '$.Attributes.a',
    '2019-10-30',
    'initial_state',
  ];
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(next() * 100) - 50;
    case 2:
      return words[Math.floor(next() * words.length)];
    case 3:
      return next() > 0.5;
    case 4:
      return String.fromCharCode(...Array.from({ length: 6 }, () => 32 + Math.floor(next() * 90)));
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => garbage(next, depth + 1));
    default: {
      const record: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--)
        record[String(words[Math.floor(next() * words.length)])] = garbage(next, depth + 1);
      return record;
    }
  }
}

// Replaces, deletes or retypes one random value deep inside a document.
function mutate(doc: unknown, next: () => number): unknown {
  if (Array.isArray(doc)) {
    if (doc.length === 0 || next() < 0.1) return garbage(next, 2);
    const index = Math.floor(next() * doc.length);
    return doc.map((item, i) => (i === index ? mutate(item, next) : item));
  }
  if (typeof doc === 'object' && doc !== null) {
    const keys = Object.keys(doc);
    if (keys.length === 0 || next() < 0.1) return garbage(next, 2);
    const key = keys[Math.floor(next() * keys.length)] ?? '';
    const copy: Record<string, unknown> = { ...doc };
    if (next() < 0.2) delete copy[key];
    else copy[key] = mutate(copy[key], next);
    return copy;
  }
  return garbage(next, 2);
}

describe('importFlow', () => {
  it('detects Amazon Connect and Twilio Studio exports', () => {
    const formats = foreignFixtureFiles().map((file) => {
      const result = importFlow(readForeignFixture(file));
      return [file.split('/')[0], result.ok ? result.format : result.error.code];
    });
    expect(
      formats.filter(([dir, format]) => (dir === 'amazon-connect' ? format !== 'connect' : format !== 'twilio')),
    ).toEqual([]);
  });

  it('answers a JSON object of neither format with an error naming the recognized formats', () => {
    const result = importFlow({ nodes: [], edges: [], name: 'an Omniflow flow perhaps' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_UNKNOWN_FORMAT');
    expect(result.error.message).toMatch(/Amazon Connect/);
    expect(result.error.message).toMatch(/Twilio Studio/);
  });

  it('answers a non-object with IMPORT_NOT_JSON_OBJECT', () => {
    for (const value of [null, 42, 'flow', [1, 2], undefined]) {
      const result = importFlow(value);
      expect(result.ok ? 'ok' : result.error.code).toBe('IMPORT_NOT_JSON_OBJECT');
    }
  });

  it('refuses --from twilio on a Connect flow and says what the file looks like', () => {
    const result = importFlow(readForeignFixture('amazon-connect/bankid-auth.json'), { from: 'twilio' });
    expect(result.ok ? 'ok' : result.error.code).toBe('IMPORT_FORMAT_MISMATCH');
    expect(result.ok ? '' : result.error.message).toMatch(/looks like connect/);
  });

  it('uses the requested locale for every prompt, and reports an invalid one', () => {
    const korean = importFlow(readForeignFixture('amazon-connect/bankid-auth.json'), { locale: 'ko-KR' });
    expect(korean.ok && korean.flow.locales).toEqual(['ko-KR']);
    const invalid = importFlow(readForeignFixture('amazon-connect/bankid-auth.json'), { locale: 'not a locale!' });
    expect(invalid.ok && invalid.flow.defaultLocale).toBe('en-US');
    expect(invalid.ok && invalid.report.some((item) => item.sourceRef === 'locale')).toBe(true);
  });

  it('never throws on random garbage', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const input = garbage(next, 0);
      expect(() => importFlow(input)).not.toThrow();
    }
  });

  it('never throws on randomly damaged fixtures, and always answers ok or an error', () => {
    const docs = foreignFixtureFiles().map(readForeignFixture);
    const next = random(11);
    for (let i = 0; i < 1500; i++) {
      let doc = docs[i % docs.length];
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) doc = mutate(doc, next);
      const result = importFlow(doc);
      expect(result.ok || result.error.code !== 'IMPORT_FAILED').toBe(true);
    }
  });
});
