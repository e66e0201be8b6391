import {
  CURRENT_SCHEMA_VERSION,
  type CanvasPosition,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type FlowSettings,
  type Prompt,
  type VariableDeclaration,
  type VariableType,
} from '@omniflow/flow-schema';
import type { FlowReference, ImportReportItem, ImportSeverity } from '../importTypes.ts';
import { sanitizeIdentifier } from './expressionText.ts';

// Same shape as the flow schema's locale tags.
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Id of the node every dangling outcome of an imported flow goes to. */
export const FALLBACK_END_ID = 'imported_end';

/** What an import knows beyond its own document: the other flows imported with it, and what they write. */
export interface ImportEnvironment {
  /** The imported flow a reference names, or why it cannot be called (not imported, or it would loop). */
  resolveFlow?: (reference: FlowReference) => { flowId: string } | { unresolved: string };
  /** Contact attributes that are flow variables here because this flow, or a flow that calls it, writes them. */
  writableAttributes?: ReadonlySet<string>;
}

/** A reference of an imported node to another flow, and what it became. */
export interface FlowReferenceUse {
  nodeId: string;
  reference: FlowReference;
  /** The imported flow the node calls as a subflow, or undefined when it became a placeholder. */
  flowId: string | undefined;
}

/**
 * Accumulates the nodes, edges, variables and report of one import, so the format mappers stay declarative:
 * every port is connected (a missing target goes to one shared `end` node), every variable read is declared.
 */
export class FlowBuilder {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];
  readonly report: ImportReportItem[] = [];
  readonly settings: FlowSettings = {};
  private readonly variables = new Map<string, VariableDeclaration>();
  private readonly ids = new Set<string>();

  readonly locale: string;
  readonly environment: ImportEnvironment;
  /** Writable contact attributes the flow reads (each starts from the contact's own attribute). */
  readonly attributeReads = new Set<string>();
  /** Every reference to another flow, in source order. */
  readonly flowReferences: FlowReferenceUse[] = [];

  /** Uses the first valid BCP 47 tag of `candidates` (caller's choice, then detected), else `en-US`. */
  constructor(candidates: readonly (string | undefined)[], environment: ImportEnvironment = {}) {
    this.environment = environment;
    this.locale = candidates.find((tag): tag is string => tag !== undefined && LOCALE.test(tag)) ?? 'en-US';
    const invalid = candidates.find((tag) => tag !== undefined && !LOCALE.test(tag));
    if (invalid !== undefined) {
      this.note(
        'approximate',
        'locale',
        `"${invalid}" is not a locale tag such as en-US; the prompts are in ${this.locale}.`,
      );
    }
  }

  /** Adds a node; its id must come from {@link FlowBuilder.claimId}. */
  addNode(node: FlowNode): void {
    this.ids.add(node.id);
    this.nodes.push(node);
  }

  /** Reserves a unique node id derived from `wanted` (source ids are kept when they are valid). */
  claimId(wanted: string): string {
    const base = /^[A-Za-z0-9_-]+$/.test(wanted) ? wanted : sanitizeIdentifier(wanted);
    let id = base;
    for (let n = 2; this.ids.has(id) || id === FALLBACK_END_ID; n++) id = `${base}_${n}`;
    this.ids.add(id);
    return id;
  }

  /** Connects `source.port` to `target`; with no target, to the shared end node (noted in the report). */
  connect(source: string, port: string, target: string | undefined, sourceRef: string): void {
    if (target === undefined) {
      this.note('info', sourceRef, `The "${port}" outcome leads nowhere in the source; it ends the conversation.`);
    }
    this.edges.push({ id: `${source}:${port}`, source, port, target: target ?? this.fallbackEnd() });
  }

  /** Declares a flow variable once (the first declaration wins) and returns its name. */
  declare(name: string, type: VariableType = 'string', description?: string): string {
    if (!this.variables.has(name)) {
      const declaration: VariableDeclaration = { name, type, default: defaultFor(type) };
      if (description !== undefined) declaration.description = description;
      this.variables.set(name, declaration);
    }
    return name;
  }

  /** Whether a variable of that name is declared already. */
  isDeclared(name: string): boolean {
    return this.variables.has(name);
  }

  /** Adds a report line. */
  note(severity: ImportSeverity, sourceRef: string, message: string): void {
    this.report.push({ severity, sourceRef, message });
  }

  /** The flow a reference calls, or why not (without other imported flows: that flow was not imported). */
  resolveFlow(reference: FlowReference, label: string): { flowId: string } | { unresolved: string } {
    return (
      this.environment.resolveFlow?.(reference) ?? {
        unresolved: `the flow "${label}" was not imported with this one`,
      }
    );
  }

  /** Adds a report line unless the same line is there already (a mapping explained once per import). */
  noteOnce(severity: ImportSeverity, sourceRef: string, message: string): void {
    if (!this.report.some((item) => item.message === message)) this.note(severity, sourceRef, message);
  }

  /** A channel-neutral prompt in the import locale; `ssml` enriches voice when the source had SSML. */
  prompt(text: string, ssml?: string): Prompt {
    const prompt: Prompt = { text: { [this.locale]: text } };
    if (ssml !== undefined) prompt.ssml = { [this.locale]: ssml };
    return prompt;
  }

  /** The flow document. */
  build(meta: { id: string; name: string; description?: string; start: string }): FlowDocument {
    const fallback = this.nodes.find((node) => node.id === FALLBACK_END_ID);
    if (fallback !== undefined)
      fallback.position = rightOf(
        this.nodes.flatMap((node) => (node.position && node !== fallback ? [node.position] : [])),
      );
    const flow: FlowDocument = {
      id: meta.id.slice(0, 200) || 'imported_flow',
      name: meta.name.slice(0, 500) || 'Imported flow',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      locales: [this.locale],
      defaultLocale: this.locale,
      variables: [...this.variables.values()],
      start: meta.start,
      nodes: this.nodes,
      edges: this.edges,
    };
    if (meta.description !== undefined && meta.description !== '') flow.description = meta.description;
    if (Object.keys(this.settings).length > 0) flow.settings = this.settings;
    return flow;
  }

  private fallbackEnd(): string {
    if (!this.nodes.some((node) => node.id === FALLBACK_END_ID)) {
      this.nodes.push({
        id: FALLBACK_END_ID,
        type: 'end',
        label: 'End (imported: no next step in the source)',
        config: { outcome: 'completed' },
      });
    }
    return FALLBACK_END_ID;
  }
}

function defaultFor(type: VariableType): VariableDeclaration['default'] {
  switch (type) {
    case 'string':
      return '';
    case 'date':
      return null;
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return {};
  }
}

// The shared end node sits right of the rightmost node, level with the topmost.
function rightOf(positions: readonly CanvasPosition[]): CanvasPosition {
  if (positions.length === 0) return { x: 0, y: 0 };
  return { x: Math.max(...positions.map((p) => p.x)) + 300, y: Math.min(...positions.map((p) => p.y)) };
}
