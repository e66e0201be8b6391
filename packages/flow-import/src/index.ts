export { importFlow, detectFormat } from './importFlow.ts';
export type {
  ImportOptions,
  ImportResult,
  ImportReportItem,
  ImportSeverity,
  ImportSourceFormat,
  ImportErrorCode,
} from './importTypes.ts';
export { CONNECT_LAMBDA_HANDLER } from './connect/mapConnectAction.ts';
export { TWILIO_FUNCTION_HANDLER } from './twilio/studioIntegrationWidgets.ts';
export { runImportCommand, describeReport, IMPORT_USAGE } from './cli/importCommand.ts';
export type { ImportCommandHost } from './cli/importCommand.ts';
