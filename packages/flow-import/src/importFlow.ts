import { isRecord } from '@omniflow/flow-schema';
import { importConnectFlow, isConnectFlow } from './connect/importConnectFlow.ts';
import type { ImportOptions, ImportResult, ImportSourceFormat } from './importTypes.ts';
import type { FlowBuilder, ImportEnvironment } from './shared/FlowBuilder.ts';
import { type JsonRecord } from './shared/jsonGuards.ts';
import { importStudioFlow, isStudioFlow } from './twilio/importStudioFlow.ts';

const RECOGNIZED =
  'Recognized formats: Amazon Connect flow language ("Version": "2019-10-30" with "StartAction" and "Actions") and Twilio Studio flow definitions ("states" with a "trigger" widget and "initial_state").';

/** Detects the format of a foreign flow export and maps it to an Omniflow flow plus a report; never throws. */
export function importFlow(json: unknown, options: ImportOptions = {}): ImportResult {
  const result = importFlowIn(json, options, {});
  return result.ok ? { ok: true, format: result.format, flow: result.flow, report: result.report } : result;
}

/** {@link importFlow} among other imported flows (see importFlows); the answer keeps the builder's findings. */
export function importFlowIn(
  json: unknown,
  options: ImportOptions,
  environment: ImportEnvironment,
): (ImportResult & { ok: false }) | (ImportResult & { ok: true; builder: FlowBuilder }) {
  if (!isRecord(json)) {
    return {
      ok: false,
      error: {
        code: 'IMPORT_NOT_JSON_OBJECT',
        message: `A flow export is a JSON object; got ${describe(json)}. ${RECOGNIZED}`,
      },
    };
  }
  const detected = detectFormat(json);
  const format = options.from ?? detected;
  if (format === undefined) {
    return {
      ok: false,
      error: {
        code: 'IMPORT_UNKNOWN_FORMAT',
        message: `This JSON is not a flow export the importer knows. ${RECOGNIZED}`,
      },
    };
  }
  if (options.from !== undefined && detected !== options.from) {
    const name = options.from === 'connect' ? 'an Amazon Connect flow' : 'a Twilio Studio flow';
    return {
      ok: false,
      error: {
        code: 'IMPORT_FORMAT_MISMATCH',
        message: `--from ${options.from} was given but the file is not ${name}${detected ? ` (it looks like ${detected})` : ''}. ${RECOGNIZED}`,
      },
    };
  }
  try {
    const { flow, report, builder } =
      format === 'connect'
        ? importConnectFlow(json, options.locale, environment)
        : importStudioFlow(json, options.locale, environment);
    return { ok: true, format, flow, report, builder };
  } catch (error) {
    // A mapper bug must not take down the CLI or the runtime's import endpoint: it becomes an error result.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        message: `The import failed unexpectedly (${message}); please report it with the file.`,
      },
    };
  }
}

/** Which foreign format a JSON object is, if any. */
export function detectFormat(json: JsonRecord): ImportSourceFormat | undefined {
  if (isConnectFlow(json)) return 'connect';
  if (isStudioFlow(json)) return 'twilio';
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
