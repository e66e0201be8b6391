import type { FlowDocument } from '@omniflow/flow-schema';

/** The foreign formats the importer reads. */
export type ImportSourceFormat = 'connect' | 'twilio';

/** How exactly one source block was carried over: a note, an approximation, or something Omniflow cannot express. */
export type ImportSeverity = 'info' | 'approximate' | 'unsupported';

/** One line of the import report, naming the source block (Connect action Identifier or Studio widget name). */
export interface ImportReportItem {
  severity: ImportSeverity;
  sourceRef: string;
  message: string;
}

/** A source block's reference to another flow (Connect TransferToFlow, Studio run-subflow). */
export interface FlowReference {
  /** What the source calls that flow (display name, ARN, flow SID); an imported flow matching any of them is meant. */
  names: string[];
  /** The source block (Connect action Identifier or Studio widget name). */
  sourceRef: string;
}

/** Options of {@link importFlow}. */
export interface ImportOptions {
  /** Skip format detection and read the document as this format. */
  from?: ImportSourceFormat;
  /** Locale of the prompts when the source does not name one (default: detected, else `en-US`). */
  locale?: string;
}

/** Stable codes of an import that produced no flow. */
export type ImportErrorCode =
  'IMPORT_NOT_JSON_OBJECT' | 'IMPORT_UNKNOWN_FORMAT' | 'IMPORT_FORMAT_MISMATCH' | 'IMPORT_FAILED';

/** What {@link importFlow} answers: the flow and its report, or why nothing could be imported. */
export type ImportResult =
  | { ok: true; format: ImportSourceFormat; flow: FlowDocument; report: ImportReportItem[] }
  | { ok: false; error: { code: ImportErrorCode; message: string } };
