import { describe, expect, it } from 'vitest';
import { flowIdFrom, newFlow } from './newFlow.ts';

describe('newFlow', () => {
  it('makes URL-safe ids from any name', () => {
    expect(flowIdFrom('Card activation!', () => 0)).toBe('card-activation-0000');
    expect(flowIdFrom('银行卡', () => 0)).toBe('flow-0000');
  });

  it('starts with one start node that is the flow start', () => {
    const flow = newFlow('f', 'F', ['en-US', 'ko-KR']);
    expect(flow.nodes.map((n) => n.id)).toEqual([flow.start]);
    expect(flow.defaultLocale).toBe('en-US');
  });
});
