export { importFlow, detectFormat } from './importFlow.ts';
export { importFlows, flowIdFromFileName } from './importFlows.ts';
export { checkImportedFlow } from './checkImportedFlow.ts';
export type { ImportBatch, ImportedFlow, ImportFailure, ImportSource } from './importFlows.ts';
export type {
  ImportOptions,
  ImportResult,
  ImportReportItem,
  ImportSeverity,
  ImportSourceFormat,
  ImportErrorCode,
  FlowReference,
} from './importTypes.ts';
export { CONNECT_LAMBDA_HANDLER } from './connect/mapConnectAction.ts';
export { TWILIO_FUNCTION_HANDLER } from './twilio/studioIntegrationWidgets.ts';
export { runImportCommand, describeReport, IMPORT_USAGE } from './cli/importCommand.ts';
export type { ImportCommandHost } from './cli/importCommand.ts';
