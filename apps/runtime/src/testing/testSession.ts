import type { ContactTurn } from '../contacts/ContactStore.ts';
import type { SessionRecord, TurnWrite } from '../store/FlowStore.ts';

/** A new session row for store tests: an active chat on version 1 of `flowId` with an empty snapshot. */
export function testSession(
  id: string,
  flowId: string,
  overrides: Partial<Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'>> = {},
): Omit<SessionRecord, 'createdAt' | 'updatedAt' | 'turn'> {
  return {
    id,
    flowId,
    version: 1,
    draftDocument: null,
    channel: 'chat',
    locale: 'zh-CN',
    status: 'active',
    snapshot: {},
    ...overrides,
  };
}

/** The first turn of a test session, ending it with `contact` as its contact's share. */
export function lastTurn(sessionId: string, contact: ContactTurn): TurnWrite {
  return { sessionId, expectedTurn: 0, status: 'ended', snapshot: {}, entries: [], contact };
}
