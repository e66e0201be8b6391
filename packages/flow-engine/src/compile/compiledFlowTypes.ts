import type { FlowDocument, FlowNode, FlowSettings, GlobalIntent, Locale, NodeBehaviour } from '@omniflow/flow-schema';
import type { EngineMachine } from './buildMachine.ts';
import type { NodeTypeImplementation } from '../nodeTypes/defineNodeType.ts';
import type { HandlerLookup } from '../nodeTypes/nodeRuntime.ts';
import type { IntentMatcher } from '../matching/IntentMatcher.ts';
import type { CompiledEscalation } from '../escalation/compileEscalations.ts';

/** Flow-level facts a node needs at run time (a subflow's nodes see their own flow's). */
export interface FlowInfo {
  id: string;
  locales: readonly Locale[];
  defaultLocale: Locale;
  sensitive: ReadonlySet<string>;
  declared: ReadonlySet<string>;
  defaults: Readonly<Record<string, unknown>>;
  settings: FlowSettings;
  /** At or below this sentiment of the caller's last turn, prompts speak their `empathetic` variant. */
  upsetAtMost: number;
}

/** One node as compiled: its implementation, its flow, and where each port leads. */
export interface CompiledNode {
  /** Compiled key, unique in the machine: the node id, or `subflowNode/childNode` inside an inlined subflow. */
  key: string;
  /** The xstate state id used as transition target (`#id`). */
  stateId: string;
  node: FlowNode;
  impl: NodeTypeImplementation;
  behaviour: NodeBehaviour;
  flow: FlowInfo;
  /** Port → compiled key of the target node. */
  edges: ReadonlyMap<string, string>;
  /** Ports an async handler may answer with. */
  ports: ReadonlySet<string>;
  timeoutMs: number;
  retries: number;
  /** Key of the enclosing subflow node, or null at the top level. */
  parent: string | null;
  /** For a subflow node: the child flow it inlines. */
  child: FlowInfo | null;
}

/** Engine guard limits; a flow cannot hang a process past them. */
export interface EngineLimits {
  maxStepsPerTurn: number;
  maxSameNodeVisits: number;
}

/** A global intent compiled to the key of its target node. */
export interface CompiledIntent {
  intent: GlobalIntent;
  target: string;
}

/** What the machine's named implementations look up at run time. */
export interface CompiledTables {
  nodes: ReadonlyMap<string, CompiledNode>;
  handlers: HandlerLookup;
  limits: EngineLimits;
  /** Evaluates an expression; `now` is the session clock (for `now()` and `today()`). */
  evaluate(expression: string, scope: Readonly<Record<string, unknown>>, now: () => number): unknown;
}

/** A flow compiled once per version and shared by all of its sessions. */
export interface CompiledFlow {
  flow: FlowDocument;
  /** Hash of the flow document; a snapshot only restores into the same version. */
  hash: string;
  machine: EngineMachine;
  info: FlowInfo;
  tables: CompiledTables;
  intents: CompiledIntent[];
  /** The flow's escalation rules, checked after each caller turn. */
  escalations: CompiledEscalation[];
  /** The default phrase matcher over the flow's global intents (a session may bring its own). */
  intentMatcher: IntentMatcher;
}
