import { describe, expect, it } from 'vitest';
import { prepareJsgf } from './prepareJsgf.ts';

const dictionary = new Set(['activate', 'my', 'card', 'balance', 'check', 'agent', 'please', 'the', 'yes', 'no']);
const known = (w: string) => dictionary.has(w);

describe('prepareJsgf', () => {
  it('lower-cases words and keeps a grammar whose words are all known', () => {
    const prepared = prepareJsgf(
      '#JSGF V1.0;\ngrammar menu;\npublic <menu> = Activate my Card | [check] (my | the) balance;',
      known,
    );
    expect(prepared?.grammar).toBe(
      '#JSGF V1.0;\ngrammar menu;\npublic <menu> = activate my card | [check] (my | the) balance;\n',
    );
    expect(prepared?.words.toSorted()).toEqual(['activate', 'balance', 'card', 'check', 'my', 'the']);
    expect(prepared?.dropped).toEqual([]);
  });

  it('removes the alternatives that need an unknown word and reports it', () => {
    const prepared = prepareJsgf(
      '#JSGF V1.0; grammar m; public <m> = activate my card | zorbify card | balance [zorbify] please;',
      known,
    );
    expect(prepared?.grammar).toContain('public <m> = activate my card | balance please;');
    expect(prepared?.dropped).toEqual(['zorbify']);
  });

  it('drops rules that become impossible and the references to them, keeping weights and repeats', () => {
    const source = `#JSGF V1.0;
grammar m; // menu
/* options */ public <m> = /5/ <option> please* | /1/ <odd>;
<option> = yes | no;
<odd> = flibbertigibbet;`;
    const prepared = prepareJsgf(source, known);
    expect(prepared?.grammar).toContain('public <m> = /5/ <option> please*;');
    expect(prepared?.grammar).not.toContain('<odd>');
  });

  it('lists every sentence of a finite grammar, and none for one that repeats', () => {
    const source = `#JSGF V1.0; grammar m;
public <choice> = [<prefix>] <option> [please] | <key>;
<option> = balance {1} | check my balance {1};
<prefix> = i want [to];
<key> = [press] (one {1} | two {2});`;
    const words = new Set([...dictionary, 'balance', 'check', 'i', 'want', 'to', 'press', 'one', 'two']);
    const prepared = prepareJsgf(source, (w) => words.has(w));
    expect(prepared?.sentences?.toSorted()).toEqual(
      [
        'balance',
        'balance please',
        'check my balance',
        'check my balance please',
        'i want balance',
        'i want balance please',
        'i want check my balance',
        'i want check my balance please',
        'i want to balance',
        'i want to balance please',
        'i want to check my balance',
        'i want to check my balance please',
        'one',
        'press one',
        'press two',
        'two',
      ].toSorted(),
    );
    expect(prepareJsgf('#JSGF V1.0; grammar m; public <m> = yes+ | no;', known)?.sentences).toBeNull();
  });

  it('returns null when nothing can be said or the grammar does not parse', () => {
    expect(prepareJsgf('#JSGF V1.0; grammar m; public <m> = qwxz | vvqq;', known)).toBeNull();
    expect(prepareJsgf('public <m> = yes;', known)).toBeNull();
    expect(prepareJsgf('#JSGF V1.0; grammar m; public <m> = (yes | no;', known)).toBeNull();
  });
});
