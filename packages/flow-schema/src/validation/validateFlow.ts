import type { FlowDocument } from '../flowDocument.ts';
import type { NodeTypeCatalog } from '../nodeTypeSpec.ts';
import { migrateFlow } from '../migrations/migrateFlow.ts';
import { checkFields } from './checkFields.ts';
import { checkEscalation } from './checkEscalation.ts';
import { checkFlowSettings } from './checkFlowSettings.ts';
import { checkVoices } from '../voices/checkVoices.ts';
import { checkGraph } from './checkGraph.ts';
import { checkNodes } from './checkNodes.ts';
import { checkFlowTests } from '../tests/checkFlowTests.ts';
import { flowIssue } from './flowIssue.ts';
import type { FlowIssue } from './flowIssue.ts';
import { measureJson } from './measureJson.ts';
import { describeAjvError, documentSchemaValidator } from './schemaCompiler.ts';
import { MAX_ISSUES, ValidationContext } from './validationContext.ts';
import type { ValidateFlowOptions } from './validationContext.ts';

/** The result of {@link validateFlow}: the migrated flow with any warnings, or every issue found. */
export type ValidateFlowResult =
  { ok: true; flow: FlowDocument; issues: FlowIssue[] } | { ok: false; issues: FlowIssue[] };

/**
 * Validates any JSON value as a flow against a node type catalog: migrates it to the current schema version,
 * checks it against {@link flowJsonSchema}, then checks nodes, graph, fields and settings. Never throws; each
 * issue has a documented code, a severity, a JSON pointer and a message saying how to fix it. The returned flow
 * may share unchanged objects with `json`.
 */
export function validateFlow(
  json: unknown,
  catalog: NodeTypeCatalog,
  options: ValidateFlowOptions = {},
): ValidateFlowResult {
  try {
    return validateUnsafe(json, catalog, options);
  } catch (error) {
    // A bug of ours (or a throwing catalog) must still reach the caller as an issue, never as an exception.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        flowIssue(
          'FLOW099',
          '',
          `the validator failed unexpectedly (${reason}); please report this with the flow attached`,
        ),
      ],
    };
  }
}

function validateUnsafe(json: unknown, catalog: NodeTypeCatalog, options: ValidateFlowOptions): ValidateFlowResult {
  const shape = measureJson(json);
  if (shape !== null) return { ok: false, issues: [flowIssue('FLOW001', shape.pointer, shape.message)] };
  const migrated = migrateFlow(json);
  if (!migrated.ok) return migrated;
  const validate = documentSchemaValidator();
  if (!validate(migrated.flow)) {
    const issues = (validate.errors ?? []).slice(0, MAX_ISSUES).map((error) => {
      const { pointer, message } = describeAjvError(error);
      return flowIssue(
        'FLOW001',
        pointer,
        `${pointer || 'the document'}: ${message}`,
        nodeIdAt(migrated.flow, pointer),
      );
    });
    return { ok: false, issues };
  }
  const context = new ValidationContext(migrated.flow, catalog, options);
  checkFlowSettings(context);
  checkVoices(context);
  checkEscalation(context);
  checkNodes(context);
  checkGraph(context);
  checkFields(context);
  checkFlowTests(context);
  const issues = context.finish();
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  return { ok: true, flow: context.flow, issues };
}

function nodeIdAt(flow: Record<string, unknown>, pointer: string): string | undefined {
  const match = /^\/nodes\/(\d+)(?:\/|$)/.exec(pointer);
  const nodes = flow['nodes'];
  if (match === null || !Array.isArray(nodes)) return undefined;
  const node: unknown = nodes[Number(match[1])];
  const id: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, 'id') : undefined;
  return typeof id === 'string' ? id : undefined;
}
