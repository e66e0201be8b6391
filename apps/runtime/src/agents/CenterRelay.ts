import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ApiError, type ApiProblem } from '../http/ApiError.ts';
import type { AgentStore } from './AgentStore.ts';
import type { ContactCenter } from './ContactCenter.ts';
import type { CenterEvent, ContactCenterEvents } from './ContactCenterEvents.ts';
import type { AgentDefinition } from './contactCenterTypes.ts';
import { isCenterOp, runCenterOp, type CenterOpArgs, type CenterOpName, type CenterOpResult } from './centerOps.ts';
import { verifyPassword } from './passwordHash.ts';

/** The topic of calls relayed to the routing process. */
const CALLS_TOPIC = 'center:calls';
/** How long a relayed call waits for the routing process (a leader change takes about a second). */
const CALL_TIMEOUT_MS = 10_000;
/** A call unanswered this long is sent again: the routing process may have died with it (the next one answers). */
const RESEND_MS = 1000;
/** How long the routing process remembers the answer of a call, so a resent call is answered, not run again. */
const ANSWERS_KEPT_MS = 30_000;

/**
 * The contact center as the API and the sockets of every process use it: each operation runs on the
 * {@link ContactCenter} of the process that routes (this one on SQLite; on PostgreSQL the leader, see
 * `CenterLeadership`), relayed over the live-event bus when that is another process. One router therefore decides
 * every offer, while customers and agents may be connected to any process.
 */
export class CenterRelay {
  /** This process's address on the bus: answers to its relayed calls come to `process:<origin>`. */
  readonly origin = randomUUID();
  readonly #events: ContactCenterEvents;
  readonly #store: AgentStore;
  readonly #logger: Logger;
  #local: Promise<ContactCenter> | undefined;
  readonly #setups: ((center: ContactCenter) => void)[] = [];
  readonly #pending = new Map<
    string,
    { settle: (reply: CenterEvent) => void; timer: NodeJS.Timeout; resend: NodeJS.Timeout }
  >();
  /** On the routing process: the answers of recent relayed calls, by call id. */
  readonly #answers = new Map<string, Promise<CenterEvent>>();
  readonly #unsubscribe: (() => void)[];

  constructor(deps: { events: ContactCenterEvents; store: AgentStore; logger: Logger }) {
    this.#events = deps.events;
    this.#store = deps.store;
    this.#logger = deps.logger.child({ component: 'center-relay' });
    this.#unsubscribe = [
      this.#events.subscribe(CALLS_TOPIC, (event) => void this.#serve(event)),
      this.#events.subscribe(`process:${this.origin}`, (event) => this.#answered(event)),
    ];
  }

  /** This process routes from now on (the center opens; relayed calls wait for it). */
  lead(center: Promise<ContactCenter>): void {
    this.#local = center;
    for (const setup of this.#setups) this.#setUp(center, setup);
  }

  /**
   * Calls `setup` with the contact center whenever it opens in this process (now, if it routes here already): other
   * parts attach their observers to the center that routes (the insights watch its chats and wrap-ups).
   */
  whenRouting(setup: (center: ContactCenter) => void): void {
    this.#setups.push(setup);
    if (this.#local !== undefined) this.#setUp(this.#local, setup);
  }

  #setUp(center: Promise<ContactCenter>, setup: (center: ContactCenter) => void): void {
    center.then(setup, () => undefined);
  }

  /** Another process routes from now on: answers this process's center, if any, so the caller can close it. */
  follow(): Promise<ContactCenter> | undefined {
    const local = this.#local;
    this.#local = undefined;
    return local;
  }

  /** The center when this process routes (metrics, tests), else `undefined`. */
  get local(): Promise<ContactCenter> | undefined {
    return this.#local;
  }

  /** Runs an operation where the contact center is routed. */
  async call<K extends CenterOpName>(op: K, ...args: CenterOpArgs<K>): Promise<CenterOpResult<K>> {
    const local = this.#local;
    if (local) return runCenterOp(await local, op, args);
    return this.#relay(op, args);
  }

  /** The agent whose login and password these are (checked here: a password never travels between processes). */
  async signIn(login: string, password: string): Promise<AgentDefinition | undefined> {
    const found = await this.#store.findAgentByLogin(login);
    if (!found || !(await verifyPassword(password, found.passwordHash))) return undefined;
    return found.agent;
  }

  close(): void {
    for (const off of this.#unsubscribe) off();
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      clearInterval(pending.resend);
      pending.settle({ type: 'reply', id, status: 503, errors: [unavailable()] });
    }
    this.#pending.clear();
  }

  async #relay<K extends CenterOpName>(op: K, args: CenterOpArgs<K>): Promise<CenterOpResult<K>> {
    const id = randomUUID();
    const call: CenterEvent = { type: 'call', id, op, args, replyTo: `process:${this.origin}` };
    const reply = await new Promise<CenterEvent>((resolve) => {
      const timer = setTimeout(() => {
        clearInterval(this.#pending.get(id)?.resend);
        this.#pending.delete(id);
        resolve({ type: 'reply', id, status: 503, errors: [unavailable()] });
      }, CALL_TIMEOUT_MS);
      const resend = setInterval(() => this.#events.publish(CALLS_TOPIC, call), RESEND_MS);
      this.#pending.set(id, { settle: resolve, timer, resend });
      this.#events.publish(CALLS_TOPIC, call);
    });
    if (reply['status'] !== undefined) {
      const errors = Array.isArray(reply['errors']) ? (reply['errors'] as ApiProblem[]) : [unavailable()];
      throw new ApiError(Number(reply['status']), errors);
    }
    // The routing process ran the operation itself; its answer has the operation's type.
    return reply['value'] as CenterOpResult<K>;
  }

  #answered(event: CenterEvent): void {
    const id = String(event['id']);
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    clearInterval(pending.resend);
    pending.settle(event);
  }

  /** On the routing process: runs a call relayed by another process and publishes the answer to it. */
  async #serve(event: CenterEvent): Promise<void> {
    const local = this.#local;
    const replyTo = event['replyTo'];
    if (!local || event.type !== 'call' || typeof replyTo !== 'string' || !replyTo.startsWith('process:')) return;
    const id = String(event['id']);
    let answer = this.#answers.get(id);
    if (!answer) {
      answer = this.#run(local, id, event['op'], event['args']);
      this.#answers.set(id, answer);
      setTimeout(() => this.#answers.delete(id), ANSWERS_KEPT_MS).unref();
    }
    this.#events.publish(replyTo, await answer);
  }

  async #run(local: Promise<ContactCenter>, id: string, op: unknown, rawArgs: unknown): Promise<CenterEvent> {
    let answer: CenterEvent;
    try {
      if (!isCenterOp(op) || !Array.isArray(rawArgs)) throw ApiError.badRequest('BAD_CALL', 'Unknown relayed call.');
      // JSON turned absent optional arguments into null; the operations expect them absent.
      const args = rawArgs.map((arg: unknown) => (arg === null ? undefined : arg));
      const value = await runCenterOp(await local, op, args as CenterOpArgs<typeof op>);
      answer = { type: 'reply', id, value: value ?? null };
    } catch (error) {
      if (error instanceof ApiError) answer = { type: 'reply', id, status: error.status, errors: error.errors };
      else {
        this.#logger.error({ err: String(error), op }, 'a relayed contact-center call failed');
        answer = {
          type: 'reply',
          id,
          status: 500,
          errors: [{ code: 'INTERNAL', message: 'The contact center failed on this call; it is logged.', pointer: '' }],
        };
      }
    }
    return answer;
  }
}

function unavailable(): ApiProblem {
  return {
    code: 'CENTER_UNAVAILABLE',
    message: 'The contact center is changing the process that routes; try again in a few seconds.',
    pointer: '',
  };
}
