import type { JsonValue } from '../nodeTypeSpec.ts';
/** A problem found in a flow document; `pointer` is a JSON pointer into the (migrated) document. */
export interface FlowIssue {
  /** Stable code, documented in docs/validation-codes.md. */
  code: string;
  severity: 'error' | 'warning';
  /** What is wrong and how to fix it. */
  message: string;
  pointer: string;
  nodeId?: string;
  /**
   * What the issue is about as data, so editors can word it for analysts: the schema rule a FLOW004 config value
   * broke (ajv's keyword and params), or `{ keyword: 'port', params: { port } }` for an unconnected port.
   */
  rule?: IssueRule;
}

/** A broken rule: `{ keyword: 'minLength', params: { limit: 1 } }`. */
export interface IssueRule {
  keyword: string;
  params: { [key: string]: JsonValue };
}

/** Every validation code with its severity and a short title; the docs list the same codes. */
export const FLOW_ISSUE_CODES = {
  FLOW001: { severity: 'error', title: 'document does not match the flow schema' },
  FLOW002: { severity: 'error', title: 'schema version cannot be migrated' },
  FLOW003: { severity: 'error', title: 'unknown node type' },
  FLOW004: { severity: 'error', title: 'node config does not match its type' },
  FLOW005: { severity: 'error', title: 'duplicate node id' },
  FLOW006: { severity: 'error', title: 'start node missing' },
  FLOW007: { severity: 'error', title: 'edge source unknown' },
  FLOW008: { severity: 'error', title: 'edge target unknown' },
  FLOW009: { severity: 'error', title: 'edge from a port the node does not have' },
  FLOW010: { severity: 'error', title: 'two edges from the same port' },
  FLOW011: { severity: 'error', title: 'port left unconnected' },
  FLOW012: { severity: 'warning', title: 'no-input / no-match port left unconnected' },
  FLOW013: { severity: 'warning', title: 'unreachable node' },
  FLOW014: { severity: 'error', title: 'prompt missing a locale' },
  FLOW015: { severity: 'error', title: 'undeclared variable' },
  FLOW016: { severity: 'error', title: 'expression does not parse' },
  FLOW017: { severity: 'error', title: 'sensitive variable collected by speech' },
  FLOW018: { severity: 'warning', title: 'sensitive variable interpolated into a prompt' },
  FLOW019: { severity: 'error', title: 'default locale not declared' },
  FLOW020: { severity: 'error', title: 'global intent target unknown' },
  FLOW021: { severity: 'warning', title: 'global intent missing phrases for a locale' },
  FLOW022: { severity: 'error', title: 'unknown flow id' },
  FLOW023: { severity: 'error', title: 'node type version newer than the catalog' },
  FLOW024: { severity: 'warning', title: 'node config migrated from an older type version' },
  FLOW025: { severity: 'error', title: 'duplicate variable' },
  FLOW026: { severity: 'error', title: 'node type has an invalid config schema' },
  FLOW027: { severity: 'error', title: 'node config migration failed' },
  FLOW028: { severity: 'error', title: 'duplicate port name' },
  FLOW029: { severity: 'error', title: 'node reference unknown' },
  FLOW030: { severity: 'error', title: 'too many issues' },
  FLOW031: { severity: 'error', title: 'locale not declared by the flow' },
  FLOW032: { severity: 'error', title: 'duplicate option key' },
  FLOW033: { severity: 'error', title: 'unknown contact field' },
  FLOW034: { severity: 'error', title: 'contact is read-only' },
  FLOW040: { severity: 'error', title: 'test names an unknown node' },
  FLOW041: { severity: 'error', title: 'duplicate test id' },
  FLOW042: { severity: 'error', title: 'test mocks a port the node does not have' },
  FLOW043: { severity: 'error', title: 'test names an undeclared locale or variable' },
  FLOW050: { severity: 'error', title: 'escalation target unknown' },
  FLOW051: { severity: 'error', title: 'duplicate escalation rule id' },
  FLOW052: { severity: 'warning', title: 'escalation phrases missing for a locale' },
  FLOW060: { severity: 'error', title: 'prompt SSML not valid' },
  FLOW061: { severity: 'error', title: 'unknown voice' },
  FLOW099: { severity: 'error', title: 'validator failure' },
} as const satisfies Record<string, { severity: FlowIssue['severity']; title: string }>;

/** A documented validation code. */
export type FlowIssueCode = keyof typeof FLOW_ISSUE_CODES;

/** Builds an issue with the severity its code is documented with. */
export function flowIssue(
  code: FlowIssueCode,
  pointer: string,
  message: string,
  nodeId?: string,
  rule?: IssueRule,
): FlowIssue {
  const issue: FlowIssue = { code, severity: FLOW_ISSUE_CODES[code].severity, message, pointer };
  if (nodeId !== undefined) issue.nodeId = nodeId;
  if (rule !== undefined) issue.rule = rule;
  return issue;
}
