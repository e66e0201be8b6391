import { describe, expect, it } from 'vitest';
import { deriveContact, type NodeInfo } from './deriveContact.ts';

const nodes: Record<string, NodeInfo> = {
  start: { type: 'start', transaction: false },
  menu: { type: 'menu', label: 'Main menu', transaction: false },
  activate: { type: 'banking.activateCard', label: 'Activate card', transaction: true },
  agent: { type: 'transfer', label: 'To an agent', transaction: false },
};
const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, second)).toISOString();

describe('deriveContact (issue 17)', () => {
  it('reads the path, retries, time per step, the transaction and the transfer reason from the transcript notes', () => {
    const contact = deriveContact(
      {
        sessionId: 's',
        flowId: 'bank',
        version: 2,
        channel: 'voice',
        locale: 'en-US',
        startedAt: at(0),
        endedAt: at(30),
        transcript: [
          { at: at(0), from: 'system', nodeId: 'start', text: 'took next', port: 'next' },
          { at: at(0), from: 'bot', nodeId: 'menu', text: 'Say activate.' },
          { at: at(4), from: 'caller', nodeId: 'menu', text: 'banana', kind: 'speech', sentiment: { score: -0.2 } },
          { at: at(4), from: 'bot', nodeId: 'menu', text: 'Sorry. Say activate.' },
          { at: at(9), from: 'caller', nodeId: 'menu', text: '(noInput)', kind: 'noInput' },
          { at: at(12), from: 'caller', nodeId: 'menu', text: 'activate', kind: 'speech', sentiment: { score: 0.4 } },
          { at: at(12), from: 'system', nodeId: 'menu', text: 'took 1', port: '1' },
          { at: at(20), from: 'system', nodeId: 'activate', text: 'took error', port: 'error' },
          { at: at(20), from: 'system', nodeId: 'agent', text: 'transfer to cards', kind: 'transfer' },
          { at: at(20), from: 'system', nodeId: 'agent', text: 'end: transferred', kind: 'end' },
          'not an entry',
        ],
      },
      (id) => nodes[id],
    );
    expect(contact).toMatchObject({
      outcome: 'transferred',
      contained: false,
      transferQueue: 'cards',
      transferReason: 'To an agent',
      endNode: 'agent',
      turns: 3,
      durationSeconds: 30,
      sentiment: 0.1,
      day: '2026-12-07',
    });
    expect(contact.facts.path.map((step) => `${step.nodeId}:${step.port ?? ''}`)).toEqual([
      'start:next',
      'menu:1',
      'activate:error',
      'agent:',
    ]);
    expect(contact.facts.transactions).toEqual([{ name: 'Activate card', status: 'failed', detail: 'error' }]);
    expect(contact.nodes.find((node) => node.nodeId === 'menu')).toEqual({
      nodeId: 'menu',
      visits: 1,
      noMatch: 1,
      noInput: 1,
      dropped: 0,
      millis: 12_000,
    });
    expect(contact.nodes.find((node) => node.nodeId === 'agent')).toMatchObject({ visits: 1, dropped: 0 });
  });

  it('counts a hang-up as a drop-off at the step the caller was at, and a silent end as abandoned', () => {
    const contact = deriveContact(
      {
        sessionId: 's',
        flowId: 'bank',
        version: 1,
        channel: 'chat',
        locale: 'en-US',
        startedAt: at(0),
        endedAt: at(10),
        transcript: [
          { at: at(0), from: 'system', nodeId: 'start', text: 'took next', port: 'next' },
          { at: at(0), from: 'bot', nodeId: 'menu', text: 'Say activate.' },
          { at: at(8), from: 'caller', nodeId: 'menu', text: '(hangup)', kind: 'hangup' },
          { at: at(8), from: 'system', text: 'end: hangup', kind: 'end' },
        ],
      },
      (id) => nodes[id],
    );
    expect(contact).toMatchObject({ outcome: 'abandoned', contained: true, endNode: 'menu', transferReason: null });
    expect(contact.nodes.find((node) => node.nodeId === 'menu')).toMatchObject({
      visits: 1,
      dropped: 1,
      noMatch: 0,
      millis: 10_000,
    });
  });
});
