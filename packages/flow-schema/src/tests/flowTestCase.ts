import type { Channel, Locale } from '../flowDocument.ts';
import type { ContactDirection } from '../contact/contactFields.ts';

/**
 * One channel-neutral step of a conversation test: an input (`choose`, `say`, `digits`, `noInput`) or an
 * expectation on the turn that the latest input produced (`expect…`). Each channel renders inputs its own way:
 * `choose: "1"` is key 1 on the keypad, the option's phrase in voice and the quick reply in chat.
 */
export type FlowTestStep =
  /** Picks a menu option, a choice or yes/no by its key or value. */
  | { choose: string }
  /** A free answer: typed in chat, spoken in voice, keyed in DTMF when it is digits. */
  | { say: string }
  /** Keypad digits; spoken digit by digit in voice, typed in chat. */
  | { digits: string }
  /** The caller stays silent until the no-input timeout. */
  | { noInput: true }
  /** Some prompt of the latest turn contains this text. */
  | { expectPrompt: string }
  /** The session passed through (or waits at) this node in the latest turn. */
  | { expectNode: string }
  /** A flow variable holds this value (sensitive ones read as masked). */
  | { expectVariable: { name: string; equals: unknown } }
  /** The latest turn transferred the contact, to this queue when given. */
  | { expectTransfer: { queue?: string } }
  /** The session ended in the latest turn, with this outcome when given. */
  | { expectEnd: { outcome?: string } };

/** A fixed result for a handler node (transaction, http, plugin) so a test runs without the back end. */
export interface FlowTestMock {
  /** The port the node takes; `success` when left out. */
  port?: string;
  /** The handler's result variables, mapped to flow variables as a real answer would be. */
  variables?: Record<string, unknown>;
  /** What the handler establishes about the contact: a verification's customer (`contact.customerId`). */
  contact?: { customerId: string };
}

/** What a test's session knows about the contact from the start (read by the flow as `contact.*`). */
export interface FlowTestContact {
  direction?: ContactDirection;
  callerNumber?: string;
  dialedNumber?: string;
  attributes?: Record<string, string>;
  /** This caller's contacts in the last 7 days (repeat callers). */
  previousContacts?: number;
  customerId?: string;
}

/** A named conversation stored with the flow and run in every channel it lists. */
export interface FlowTestCase {
  id: string;
  name: string;
  /** The caller's locale; the flow's default when left out. */
  locale?: Locale;
  /** The channels the test runs in; all three when left out. */
  channels?: Channel[];
  /** Caller data the session starts with (the flow's own variables). */
  variables?: Record<string, unknown>;
  /** The contact the session starts with (`contact.direction`, `contact.previousContacts`, …). */
  contact?: FlowTestContact;
  /** Fixed results of handler nodes, by node id. */
  mocks?: Record<string, FlowTestMock>;
  steps: FlowTestStep[];
}
