import type { FlowDocument, FlowIssue, NodeTypeSpec } from '@omniflow/flow-schema';

/** Asks the validation worker to validate `flow`; `specs` is sent only when the catalog changed. */
export interface ValidationRequest {
  seq: number;
  flow: FlowDocument;
  specs?: readonly NodeTypeSpec[];
}

/** The issues of request `seq`. */
export interface ValidationReply {
  seq: number;
  issues: FlowIssue[];
}
