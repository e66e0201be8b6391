import type { FlowTestCase } from './tests/flowTestCase.ts';

/** The schema version this package reads and writes; older documents are migrated up to it. */
export const CURRENT_SCHEMA_VERSION = 1;

/** A BCP 47 locale tag such as `en-US`, `zh-CN` or `ko-KR`. */
export type Locale = string;

/** Text in each of the flow's locales, keyed by locale tag. */
export type LocalizedText = Record<Locale, string>;

/** The three ways a caller reaches a flow; the same flow serves all three. */
export type Channel = 'dtmf' | 'voice' | 'chat';

/** Every channel, in a stable order. */
export const CHANNELS: readonly Channel[] = ['dtmf', 'voice', 'chat'];

/**
 * Channel-neutral prompt content. `text` is required in every locale the flow declares; `ssml` and `audio`
 * enrich the voice/DTMF rendering; `channels` overrides the wording of this one prompt for one channel.
 * Text may interpolate variables as `{{name}}` (sensitive variables are always masked when interpolated).
 */
export interface Prompt {
  text: LocalizedText;
  ssml?: LocalizedText;
  /** URL (or runtime-relative path) of a recorded file per locale, played instead of synthesized speech. */
  audio?: LocalizedText;
  channels?: Partial<Record<Channel, { text: LocalizedText }>>;
  /**
   * The wording for an upset caller (issue 17): used instead of `text` (and of a channel override, SSML or audio) in
   * every channel while the caller's last turn scored at or below the flow's `escalation.upsetAtMost`.
   */
  empathetic?: LocalizedText;
}

/** The value types a declared variable can hold. */
export type VariableType = 'string' | 'number' | 'boolean' | 'date' | 'object';

/** A declared flow variable. Only declared variables may be read or written by nodes and expressions. */
export interface VariableDeclaration {
  name: string;
  type: VariableType;
  default?: string | number | boolean | null | Record<string, unknown>;
  /** Sensitive values (card numbers, PINs) are keypad-only on voice and masked in logs and transcripts. */
  sensitive?: boolean;
  description?: string;
}

/** Retry policy for no-input / no-match on an interactive node. */
export interface RetryPolicy {
  /** How many retries before the `noInput` / `noMatch` port is taken. */
  maxRetries: number;
  /** Prompts played on successive retries; the last one repeats. Falls back to the node's own prompt. */
  reprompts?: Prompt[];
}

/** A phrase (and optional keypad shortcut) that jumps to `target` from any interactive node. */
export interface GlobalIntent {
  id: string;
  /** Phrases per locale, e.g. `{ "en-US": ["agent", "talk to a person"] }`. */
  phrases: Record<Locale, string[]>;
  /** A keypad shortcut such as `0`: an entry of exactly this key (then `#` or timeout) takes the intent wherever it is no valid answer of the current node. */
  dtmf?: string;
  target: string;
}

/** Flow-wide defaults and limits. */
export interface FlowSettings {
  noInput?: RetryPolicy;
  noMatch?: RetryPolicy;
  /** Seconds of silence before a no-input event (voice/DTMF gateways). */
  noInputTimeoutSeconds?: number;
  /** Maximum caller turns in one session before it is ended. */
  maxTurns?: number;
  /** Maximum session length in seconds. */
  maxDurationSeconds?: number;
  /** Below this recognizer confidence a voice match is confirmed or reprompted (0..1). */
  minConfidence?: number;
  /** The voice each locale is spoken in (issue 20); a locale or channel left out keeps the runtime's default. */
  voices?: Record<Locale, VoiceChoice>;
}

/** The voice of one locale: on Twilio (`<Say voice>`) and in the voice gateway (`engine/voice`, e.g. `flite/kal16`). */
export interface VoiceChoice {
  twilio?: string;
  local?: string;
}

/** The version of the {@link EscalationSettings} shape; a change to it bumps this and ships a migration. */
export const ESCALATION_VERSION = 1;

/** What an escalation rule watches, evaluated after each caller turn. */
export type EscalationTrigger =
  /** The caller's sentiment (−1..1) was at or below `atMost` for `turns` scored caller turns in a row. */
  | { kind: 'sentiment'; atMost: number; turns: number }
  /** `count` caller turns in a row were no match (an answer the node could not read) at any node. */
  | { kind: 'noMatch'; count: number }
  /** The caller said one of the phrases (per locale; every locale's list is listened for). */
  | { kind: 'phrases'; phrases: Record<Locale, string[]> };

/** Where an escalation sends the caller. */
export type EscalationAction =
  /** Jump to a node of the flow (like a global intent). */
  | { kind: 'goto'; target: string }
  /** Hand the caller to a queue now; `priority` (−5 … 5) is added to the queue's own, as a queue node's is. */
  | { kind: 'transfer'; queue: string; priority?: number };

/** One flow-level escalation rule; each fires at most once per session. */
export interface EscalationRule {
  id: string;
  when: EscalationTrigger;
  action: EscalationAction;
}

/** The flow's empathetic escalation (issue 17): rules checked after each caller turn, in order, and the mood threshold. */
export interface EscalationSettings {
  version: number;
  /** A caller whose last turn scored at or below this (−1..1, default −0.3) hears prompts' `empathetic` variants. */
  upsetAtMost?: number;
  rules: EscalationRule[];
}

/** The version of the {@link CanvasAnnotations} shape; a change to it bumps this and ships a migration. */
export const ANNOTATIONS_VERSION = 1;

/** The colours a sticky note or a group frame can take (the designer's palette names them). */
export const ANNOTATION_COLORS = ['yellow', 'blue', 'green', 'pink', 'purple', 'grey'] as const;

/** One of {@link ANNOTATION_COLORS}. */
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/** The width and height of a note or group on the canvas. */
export interface CanvasSize {
  width: number;
  height: number;
}

/** A sticky note an analyst leaves on the canvas: free text, a colour, a box. */
export interface CanvasNote {
  id: string;
  text: string;
  color: AnnotationColor;
  position: CanvasPosition;
  size: CanvasSize;
}

/** A titled frame around nodes; moving it moves `nodes` (node ids), whose positions stay absolute. */
export interface CanvasGroup {
  id: string;
  title: string;
  color: AnnotationColor;
  position: CanvasPosition;
  size: CanvasSize;
  nodes: string[];
}

/**
 * What the canvas draws besides the nodes (issue 20): sticky notes and groups. Layout only: the engine, the
 * importers and the flow checks never read it, and a flow without it is the same flow.
 */
export interface CanvasAnnotations {
  version: number;
  notes: CanvasNote[];
  groups: CanvasGroup[];
}

/** Where a node sits on the designer canvas; ignored by the engine. */
export interface CanvasPosition {
  x: number;
  y: number;
}

/** One step of a flow. `config` is JSON validated by the node type's own JSON Schema. */
export interface FlowNode {
  id: string;
  type: string;
  label?: string;
  position?: CanvasPosition;
  /** Version of the node type's config this node was written for; migrated on load when older. */
  typeVersion?: number;
  config: Record<string, unknown>;
}

/** A connection from a named outcome (`port`) of `source` to `target`. One edge per source port. */
export interface FlowEdge {
  id?: string;
  source: string;
  port: string;
  target: string;
}

/** The flow document: the single artefact the designer edits, the schema validates and the engine runs. */
export interface FlowDocument {
  id: string;
  name: string;
  description?: string;
  schemaVersion: number;
  locales: Locale[];
  defaultLocale: Locale;
  variables: VariableDeclaration[];
  start: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  globalIntents?: GlobalIntent[];
  settings?: FlowSettings;
  /** Empathetic escalation rules and the mood threshold for empathetic prompts. */
  escalation?: EscalationSettings;
  /** Conversation tests stored and versioned with the flow, run in every channel. */
  tests?: FlowTestCase[];
  /** Sticky notes and groups on the designer canvas; ignored by everything that runs or checks the flow. */
  annotations?: CanvasAnnotations;
}
