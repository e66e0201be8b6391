import type { LocalizedText, Prompt, RetryPolicy } from './flowDocument.ts';

/**
 * Config shapes of the built-in node types, shared by the engine (which owns their JSON Schemas and
 * runtimes), importers and the designer. Port names are given beside each type.
 */

/** `start` — entry point. Ports: `next`. */
export type StartConfig = Record<string, never>;

/** `message` — says a prompt and moves on. Ports: `next`. */
export interface MessageConfig {
  prompt: Prompt;
  /** Whether caller speech or a key press may interrupt this prompt (default true). */
  bargeIn?: boolean;
}

/** One menu choice. Its `key` (a keypad key, `0`-`9`) is also the name of its port. */
export interface MenuOption {
  key: string;
  /** What the option is called, per locale: "balance", "card activation". */
  label: LocalizedText;
  /** Further words a caller may say or type for it, per locale. */
  synonyms?: Record<string, string[]>;
}

/** `menu` — offers options. Ports: each option's `key`, `noInput`, `noMatch`. */
export interface MenuConfig {
  prompt: Prompt;
  options: MenuOption[];
  /** A key that repeats the menu (`*` or a digit no option uses). */
  repeatKey?: string;
  noInput?: RetryPolicy;
  noMatch?: RetryPolicy;
  bargeIn?: boolean;
  /** Milliseconds of silence that end the caller's utterance on voice (300–1000, default 600). */
  endOfSpeechMs?: number;
}

/** The typed slots an `ask` node can collect. */
export type SlotType = 'digits' | 'number' | 'amount' | 'date' | 'yesNo' | 'choice' | 'text';

/** A value an `ask` node of slot type `choice` accepts. */
export interface SlotChoice {
  value: string;
  label: LocalizedText;
  synonyms?: Record<string, string[]>;
}

/** What an `ask` node collects and how it is validated. */
export interface SlotConfig {
  type: SlotType;
  /** `digits`: length bounds; `text`: character bounds. */
  minLength?: number;
  maxLength?: number;
  /** `digits`: key that ends entry early (default `#`). */
  terminator?: string;
  /** `number` / `amount`: inclusive bounds. */
  min?: number;
  max?: number;
  /** `choice`: the accepted values. */
  choices?: SlotChoice[];
  /** Extra validation as a safe expression over `value` and the flow variables, e.g. `value != "0000"`. */
  validate?: string;
}

/** `ask` — collects one typed value into a variable. Ports: `next`, `noInput`, `noMatch`. */
export interface AskConfig {
  prompt: Prompt;
  /** Name of the declared variable that receives the value. */
  variable: string;
  slot: SlotConfig;
  /** Said when an answer is heard but does not validate, before the retry. */
  invalidPrompt?: Prompt;
  noInput?: RetryPolicy;
  noMatch?: RetryPolicy;
  bargeIn?: boolean;
  endOfSpeechMs?: number;
}

/** One ordered case of a `condition` node; its `id` is its port. */
export interface ConditionCase {
  id: string;
  label?: string;
  when: string;
}

/** `condition` — takes the first case whose expression is true. Ports: each case `id`, `default`. */
export interface ConditionConfig {
  cases: ConditionCase[];
}

/** `set` — assigns computed values. Ports: `next`. */
export interface SetConfig {
  assignments: { variable: string; value: string }[];
}

/** `transaction` — runs a registered handler. Ports: `success`, `error`, `timeout`, and each of `outcomes`. */
export interface TransactionConfig {
  /** Name of a handler registered with the engine (or runtime). */
  handler: string;
  /** Arguments passed to the handler, each a safe expression over the flow variables. */
  args?: Record<string, string>;
  /** Variables to set from the handler's result: `{ "customerName": "name" }` copies `result.name`. */
  results?: Record<string, string>;
  /** Extra named outcomes the handler may return as ports, e.g. `notFound`. */
  outcomes?: string[];
  timeoutMs?: number;
  retries?: number;
}

/** `transfer` — hands the caller to a queue or agent with the collected variables and transcript. No ports. */
export interface TransferConfig {
  queue?: string;
  agent?: string;
  prompt?: Prompt;
  /** Why the caller is transferred; a template, shown to the agent. */
  reason?: string;
}

/** One weekday opening interval of a business calendar. */
export interface OpeningHours {
  day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
  /** `HH:MM`, 24-hour, in the calendar's time zone. */
  open: string;
  close: string;
}

/** `hours` — checks a business calendar. Ports: `open`, `closed`, `holiday`. */
export interface HoursConfig {
  /** IANA time zone, e.g. `Asia/Seoul`. */
  timeZone: string;
  weekly: OpeningHours[];
  /** Closed dates, `YYYY-MM-DD` in the calendar's time zone. */
  holidays?: { date: string; name?: string }[];
}

/** `subflow` — runs another flow and returns. Ports: `next`, `error`. */
export interface SubflowConfig {
  flowId: string;
  /** Child variables set on entry: `{ childVar: "expression over parent variables" }`. */
  inputs?: Record<string, string>;
  /** Parent variables set on return: `{ parentVar: "childVar" }`. */
  outputs?: Record<string, string>;
}

/** `end` — says an optional goodbye and ends the session. No ports. */
export interface EndConfig {
  prompt?: Prompt;
  /** Recorded with the session's end, e.g. `completed`, `declined`. */
  outcome?: string;
}

/** The built-in type ids and their configs. */
export interface BuiltInNodeConfigs {
  start: StartConfig;
  message: MessageConfig;
  menu: MenuConfig;
  ask: AskConfig;
  condition: ConditionConfig;
  set: SetConfig;
  transaction: TransactionConfig;
  transfer: TransferConfig;
  hours: HoursConfig;
  subflow: SubflowConfig;
  end: EndConfig;
}
