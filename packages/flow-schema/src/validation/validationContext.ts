import type { FlowDocument, VariableDeclaration } from '../flowDocument.ts';
import type { NodeTypeCatalog, NodeTypeSpec, PortInfo } from '../nodeTypeSpec.ts';
import { flowIssue } from './flowIssue.ts';
import type { FlowIssue, FlowIssueCode, IssueRule } from './flowIssue.ts';

/** Options of `validateFlow`. */
export interface ValidateFlowOptions {
  /** Ids of the flows a subflow may call; when given, any other flow id is reported (FLOW022). */
  knownFlowIds?: ReadonlySet<string>;
  /** Variables the runtime provides without a declaration; defaults to {@link IMPLICIT_VARIABLES}. */
  implicitVariables?: readonly string[];
}

/**
 * Variables every flow may read without declaring them: the session's channel and locale, and the read-only `contact`
 * system variable (its fields: `CONTACT_FIELDS`).
 */
export const IMPLICIT_VARIABLES: readonly string[] = ['channel', 'locale', 'contact'];

/** Most issues one validation reports; the rest are summarised by one FLOW030 issue. */
export const MAX_ISSUES = 500;

/** What the checks share: the (migrated) flow, what is known about each node, and the issue list. */
export class ValidationContext {
  readonly issues: FlowIssue[] = [];
  /** Index of the first node with each id. */
  readonly nodeIndex = new Map<string, number>();
  /** Spec of each node whose type is known, by node index. */
  readonly specs = new Map<number, NodeTypeSpec>();
  /** Ports of each node whose type is known and whose config is valid, by node index. */
  readonly ports = new Map<number, PortInfo[]>();
  readonly declared = new Map<string, VariableDeclaration>();
  private dropped = 0;

  constructor(
    public flow: FlowDocument,
    readonly catalog: NodeTypeCatalog,
    readonly options: ValidateFlowOptions,
  ) {
    for (const variable of flow.variables)
      if (!this.declared.has(variable.name)) this.declared.set(variable.name, variable);
    flow.nodes.forEach((node, i) => {
      if (!this.nodeIndex.has(node.id)) this.nodeIndex.set(node.id, i);
    });
  }

  /** Records an issue (up to {@link MAX_ISSUES}). */
  report(code: FlowIssueCode, pointer: string, message: string, nodeId?: string, rule?: IssueRule): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(flowIssue(code, pointer, message, nodeId, rule));
    else this.dropped++;
  }

  /** Whether a name may be read or written by the flow. */
  isDeclared(name: string): boolean {
    return this.declared.has(name) || (this.options.implicitVariables ?? IMPLICIT_VARIABLES).includes(name);
  }

  /** The issues, with a final FLOW030 when some were dropped. */
  finish(): FlowIssue[] {
    if (this.dropped === 0) return this.issues;
    return [
      ...this.issues,
      flowIssue('FLOW030', '', `${this.dropped} more issues were not listed; fix the ones above and validate again`),
    ];
  }
}
