import { describe, expect, it } from 'vitest';
import { configPointerOf, nodeIndexOf } from './issuePointers.ts';

describe('issue pointers', () => {
  it('maps a pointer into a node config to the field pointer the inspector uses', () => {
    expect(configPointerOf('/nodes/3/config/prompt/text/zh-CN', 3)).toBe('/prompt/text/zh-CN');
  });

  it('maps issues about the node itself to the empty pointer and others to null', () => {
    expect(configPointerOf('/nodes/3', 3)).toBe('');
    expect(configPointerOf('/nodes/3/type', 3)).toBe('');
    expect(configPointerOf('/nodes/31/config/x', 3)).toBeNull();
    expect(configPointerOf('/edges/0', 3)).toBeNull();
  });

  it('finds the node index of a pointer', () => {
    expect(nodeIndexOf('/nodes/12/config')).toBe(12);
    expect(nodeIndexOf('/variables/0')).toBeNull();
  });
});
