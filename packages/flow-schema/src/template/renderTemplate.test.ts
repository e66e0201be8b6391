import { describe, expect, it } from 'vitest';
import { renderTemplate, templatePlaceholders, templateVariables } from './renderTemplate.ts';

describe('renderTemplate', () => {
  it('replaces simple and dotted placeholders through the lookup', () => {
    const values: Record<string, string> = { name: 'Ada', 'customer.flight': 'OZ 201' };
    expect(renderTemplate('Hi {{name}}, flight {{ customer.flight }}.', (path) => values[path] ?? '?')).toBe(
      'Hi Ada, flight OZ 201.',
    );
  });

  it('leaves malformed placeholders as text', () => {
    expect(renderTemplate('{{ 1x }} {{a b}} {{', () => 'X')).toBe('{{ 1x }} {{a b}} {{');
  });
});

describe('templateVariables', () => {
  it('lists each root variable once', () => {
    expect(templateVariables('{{a}} {{ b.c }} {{a}} {{b.d}}')).toEqual(['a', 'b']);
  });

  it('reports offsets of placeholders', () => {
    expect(templatePlaceholders('ab{{x.y}}').map((p) => [p.offset, p.path])).toEqual([[2, 'x.y']]);
  });
});
