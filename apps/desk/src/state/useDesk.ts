import { create } from 'zustand';
import type { AgentState, ChatMessage, ContactView, DeskEvent, Offer } from '../api/deskTypes.ts';

/** A contact open at this desk, with its live state. */
export interface DeskContact extends ContactView {
  /** When the customer last typed (epoch ms). */
  typingAt?: number;
  /** The highest sequence the customer has read. */
  seenSeq: number;
  ended: boolean;
  /** Where the contact sits: held (chatting), wrapping up, or read along by a supervisor. */
  mode: 'chat' | 'wrapUp' | 'watch';
}

/** A real-time insight alert a supervisor's desk heard (issue 17): a live contact matched an alerting rule. */
export interface DeskAlert {
  key: string;
  sessionId: string;
  flowId: string;
  channel: string;
  category: string;
  at: string;
}

const KEEP_ALERTS = 50;

interface DeskState {
  token: string | null;
  /** The newest first, the last 50. */
  alerts: DeskAlert[];
  me: { id: string; name: string; role: 'agent' | 'supervisor' } | null;
  agent: AgentState | null;
  online: boolean;
  offers: Offer[];
  contacts: Record<string, DeskContact>;
  selected: string | null;
  /** Where a contact may be transferred: queues, and the other agents. */
  directory: { queues: { id: string; name: string }[]; agents: { id: string; name: string; queues: string[] }[] };
  signedIn(token: string, me: { id: string; name: string; role: 'agent' | 'supervisor' }): void;
  signOut(): void;
  setOnline(online: boolean): void;
  select(contactId: string | null): void;
  open(contact: ContactView, mode: DeskContact['mode']): void;
  /** Drops a contact from the desk (wrapped up, transferred away). */
  drop(contactId: string): void;
  apply(event: DeskEvent): void;
}

const SESSION_KEY = 'omniflow-desk-session';

function stored(): { token: string; me: DeskState['me'] } | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** The desk's one store: the signed-in agent, offers and contacts, fed by the desk socket and the API. */
export const useDesk = create<DeskState>((set, get) => ({
  token: stored()?.token ?? null,
  me: stored()?.me ?? null,
  agent: null,
  alerts: [],
  online: false,
  offers: [],
  contacts: {},
  selected: null,
  directory: { queues: [], agents: [] },
  signedIn(token, me) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, me }));
    set({ token, me });
  },
  signOut() {
    sessionStorage.removeItem(SESSION_KEY);
    set({ token: null, me: null, agent: null, alerts: [], offers: [], contacts: {}, selected: null });
  },
  setOnline(online) {
    set({ online });
  },
  select(selected) {
    set({ selected });
  },
  open(contact, mode) {
    const known = get().contacts[contact.id];
    const merged: DeskContact = {
      ...contact,
      messages: mergeMessages(known?.messages ?? [], contact.messages),
      seenSeq: known?.seenSeq ?? 0,
      ended: contact.status === 'ended' || mode === 'wrapUp',
      mode,
    };
    set((s) => ({ contacts: { ...s.contacts, [contact.id]: merged }, selected: s.selected ?? contact.id }));
  },
  drop(contactId) {
    set((s) => {
      const { [contactId]: _dropped, ...contacts } = s.contacts;
      return { contacts, selected: s.selected === contactId ? (Object.keys(contacts)[0] ?? null) : s.selected };
    });
  },
  apply(event) {
    const state = get();
    switch (event.type) {
      case 'desk': {
        const offers = event['offers'] as Offer[];
        set({ agent: event['agent'] as AgentState, offers, directory: event['directory'] as DeskState['directory'] });
        for (const contact of event['contacts'] as ContactView[]) state.open(contact, 'chat');
        for (const contact of event['wrapUps'] as ContactView[]) state.open(contact, 'wrapUp');
        return;
      }
      case 'state':
        return set({ agent: event['agent'] as AgentState });
      case 'offer': {
        const offer = event as unknown as Offer;
        return set((s) => ({ offers: [...s.offers.filter((o) => o.contactId !== offer.contactId), offer] }));
      }
      case 'offerWithdrawn':
        return set((s) => ({ offers: s.offers.filter((o) => o.contactId !== event['contactId']) }));
      case 'assigned': {
        const contact = event['contact'] as ContactView;
        set((s) => ({ offers: s.offers.filter((o) => o.contactId !== contact.id), selected: contact.id }));
        return state.open(contact, 'chat');
      }
      case 'released':
        return state.drop(String(event['contactId']));
      case 'insightAlert': {
        const alert = event['alert'] as DeskAlert;
        return set((s) =>
          s.alerts.some((a) => a.key === alert.key) ? s : { alerts: [alert, ...s.alerts].slice(0, KEEP_ALERTS) },
        );
      }
      case 'watching':
        return state.open(event['contact'] as ContactView, 'watch');
      default:
        return applyContactEvent(event, set, get);
    }
  },
}));

function applyContactEvent(
  event: DeskEvent,
  set: (partial: (s: DeskState) => Partial<DeskState>) => void,
  get: () => DeskState,
): void {
  const contactId = String(event['contactId'] ?? '');
  const contact = get().contacts[contactId];
  if (!contact) return;
  const update = (patch: Partial<DeskContact>): void =>
    set((s) => ({ contacts: { ...s.contacts, [contactId]: { ...contact, ...patch } } }));
  switch (event.type) {
    case 'message':
      return update({ messages: mergeMessages(contact.messages, [event['message'] as ChatMessage]), typingAt: 0 });
    case 'typing':
      return update({ typingAt: Date.now() });
    case 'seen':
      return update({ seenSeq: Math.max(contact.seenSeq, Number(event['seq'])) });
    case 'chatEnded':
      return update({ ended: true, mode: contact.mode === 'watch' ? 'watch' : 'wrapUp', status: 'ended' });
    default:
      return;
  }
}

/** Messages by sequence, each once: a reconnect's snapshot and live events may carry the same lines. */
export function mergeMessages(known: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of [...known, ...incoming]) bySeq.set(message.seq, message);
  return [...bySeq.values()].toSorted((a, b) => a.seq - b.seq);
}
