import { describe, expect, it } from 'vitest';
import { derivePorts } from './derivePorts.ts';
import type { NodeTypeSpec, PortSpec } from '../nodeTypeSpec.ts';

function spec(ports: PortSpec[]): NodeTypeSpec {
  return {
    type: 'menu',
    version: 1,
    title: 'Menu',
    description: '',
    category: 'x',
    icon: 'm',
    behaviour: 'interactive',
    configSchema: {},
    defaults: {},
    ports,
  };
}

describe('derivePorts', () => {
  const menu = spec([
    { fromConfig: '/options', key: 'key', label: 'label' },
    { name: 'noInput', label: 'No input' },
    { name: 'noMatch' },
    { name: 'repeat', when: '/repeatKey' },
  ]);

  it('names one port per option by its key and labels it in the requested locale', () => {
    const config = {
      options: [
        { key: '1', label: { 'en-US': 'Balance', 'zh-CN': '余额' } },
        { key: '2', label: 'Cards' },
      ],
    };
    expect(derivePorts(menu, config, 'zh-CN')).toEqual([
      { name: '1', label: '余额' },
      { name: '2', label: 'Cards' },
      { name: 'noInput', label: 'No input' },
      { name: 'noMatch', label: 'noMatch' },
    ]);
  });

  it('adds a conditional port only when its pointer is truthy', () => {
    expect(derivePorts(menu, { options: [], repeatKey: '*' }).map((p) => p.name)).toEqual([
      'noInput',
      'noMatch',
      'repeat',
    ]);
  });

  it('skips malformed items and keeps the first of duplicate names', () => {
    const config = { options: [null, { key: '' }, { key: 3 }, { key: '3', label: 'dup' }, '', 7] };
    expect(derivePorts(menu, config)).toEqual([
      { name: '3', label: '3' },
      { name: 'noInput', label: 'No input' },
      { name: 'noMatch', label: 'noMatch' },
    ]);
  });

  it('names a port after a plain string item', () => {
    const transaction = spec([{ name: 'success' }, { fromConfig: '/outcomes', key: 'id' }]);
    expect(derivePorts(transaction, { outcomes: ['notFound', 'locked'] }).map((p) => p.name)).toEqual([
      'success',
      'notFound',
      'locked',
    ]);
  });

  it('follows escaped JSON pointers', () => {
    const outcomes = spec([{ fromConfig: '/a~1b/list', key: 'id' }]);
    expect(derivePorts(outcomes, { 'a/b': { list: [{ id: 'notFound' }] } }).map((p) => p.name)).toEqual(['notFound']);
  });
});
