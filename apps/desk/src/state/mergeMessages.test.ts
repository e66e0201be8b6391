import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../api/deskTypes.ts';
import { mergeMessages } from './useDesk.ts';

const line = (seq: number, text = `line ${seq}`): ChatMessage => ({
  id: `m${seq}`,
  contactId: 'c',
  seq,
  sender: 'customer',
  agentId: null,
  text,
  at: '',
});

describe('mergeMessages', () => {
  it('keeps each line once, in sequence, when a reconnect snapshot overlaps live events', () => {
    const merged = mergeMessages([line(1), line(3)], [line(2), line(3), line(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });
});
