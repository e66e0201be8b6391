import type { FlowDocument } from '@omniflow/flow-schema';
import { importFlowIn } from './importFlow.ts';
import type {
  FlowReference,
  ImportErrorCode,
  ImportOptions,
  ImportReportItem,
  ImportSourceFormat,
} from './importTypes.ts';
import { sanitizeIdentifier } from './shared/expressionText.ts';
import type { FlowBuilder } from './shared/FlowBuilder.ts';
import { stringAt } from './shared/jsonGuards.ts';

/** One foreign document of a batch: its file name (or label), which names the flow, and its parsed JSON. */
export interface ImportSource {
  name?: string;
  json: unknown;
}

/** A flow of a batch import: where it came from, the flow, its report and the imported flows it calls. */
export interface ImportedFlow {
  /** Position of its document among the sources. */
  index: number;
  source: string;
  format: ImportSourceFormat;
  flow: FlowDocument;
  report: ImportReportItem[];
  /** Ids of the imported flows its subflow nodes call. */
  calls: string[];
}

/** A document of a batch that produced no flow, and why. */
export interface ImportFailure {
  index: number;
  source: string;
  code: ImportErrorCode;
  message: string;
}

/** What {@link importFlows} answers. */
export interface ImportBatch {
  flows: ImportedFlow[];
  failures: ImportFailure[];
  /** Every imported flow id, each after the flows it calls: publish them in this order. */
  publishOrder: string[];
}

interface Candidate {
  index: number;
  source: string;
  json: unknown;
  id: string;
  keys: string[];
}

/**
 * Imports several Amazon Connect / Twilio Studio documents together: a TransferToFlow or run-subflow that names
 * another document of the batch becomes a subflow node calling it; a reference to a flow outside the batch, or one
 * that would loop back into a running flow, becomes a runnable placeholder named in the report. Contact attributes
 * a flow writes are passed to the flows it calls. A broken document fails alone. Never throws.
 */
export function importFlows(sources: readonly ImportSource[], options: ImportOptions = {}): ImportBatch {
  const failures: ImportFailure[] = [];
  const candidates: Candidate[] = [];
  const taken = new Set<string>();
  const renamed = new Map<string, string>();
  sources.forEach((item, index) => {
    const source = item.name ?? `document ${index + 1}`;
    const first = importFlowIn(item.json, options, {});
    if (!first.ok) {
      failures.push({ index, source, code: first.error.code, message: first.error.message });
      return;
    }
    const wanted = item.name !== undefined ? flowIdFromFileName(item.name) : first.flow.id;
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    if (id !== wanted) renamed.set(id, wanted);
    const keys = [id, wanted, first.flow.name, stringAt(item.json, 'sid'), stringAt(item.json, 'friendly_name')];
    if (item.name !== undefined) keys.push(baseName(item.name));
    candidates.push({ index, source, json: item.json, id, keys: unique(keys.flatMap((key) => normalizeKey(key))) });
  });

  const lookup = (reference: FlowReference): { flowId: string } | { unresolved: string } => {
    const wanted = reference.names.flatMap((name) => normalizeKey(name));
    const ids = unique(candidates.filter((c) => c.keys.some((key) => wanted.includes(key))).map((c) => c.id));
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) return { flowId: only };
    const label = reference.names[0] ?? reference.sourceRef;
    return ids.length === 0
      ? { unresolved: `the flow "${label}" was not among the imported files` }
      : { unresolved: `"${label}" matches several imported flows (${ids.join(', ')}); rename the files apart` };
  };

  // First pass: what each flow calls and which contact attributes it writes.
  const firstPass = new Map<string, FlowBuilder>();
  for (const candidate of candidates) {
    const result = importFlowIn(candidate.json, options, { resolveFlow: lookup });
    if (result.ok) firstPass.set(candidate.id, result.builder);
  }
  const calls = (id: string): { sourceRef: string; flowId: string }[] =>
    (firstPass.get(id)?.flowReferences ?? []).flatMap((use) =>
      use.flowId !== undefined ? [{ sourceRef: use.reference.sourceRef, flowId: use.flowId }] : [],
    );
  const loops = findLoopingCalls(
    candidates.map((c) => c.id),
    calls,
  );
  const kept = (id: string) => calls(id).filter((call) => !loops.has(`${id}\u0000${call.sourceRef}`));
  const writable = propagateAttributes(candidates, firstPass, kept);

  // Second pass: the final flows, with loops broken and the attributes of calling flows.
  const flows: ImportedFlow[] = [];
  const builders = new Map<string, FlowBuilder>();
  for (const candidate of candidates) {
    const result = importFlowIn(candidate.json, options, {
      writableAttributes: writable.get(candidate.id) ?? new Set(),
      resolveFlow: (reference) => {
        const loop = loops.get(`${candidate.id}\u0000${reference.sourceRef}`);
        return loop !== undefined
          ? {
              unresolved: `calling it from here would loop (${loop}), and a subflow cannot call a flow that is running`,
            }
          : lookup(reference);
      },
    });
    if (!result.ok) {
      failures.push({
        index: candidate.index,
        source: candidate.source,
        code: result.error.code,
        message: result.error.message,
      });
      continue;
    }
    const flow = { ...result.flow, id: candidate.id };
    const original = renamed.get(candidate.id);
    if (original !== undefined)
      result.builder.note(
        'approximate',
        candidate.source,
        `Another imported flow already has the id "${original}"; this one is "${candidate.id}".`,
      );
    builders.set(candidate.id, result.builder);
    flows.push({
      index: candidate.index,
      source: candidate.source,
      format: result.format,
      flow,
      report: result.builder.report,
      calls: unique(result.builder.flowReferences.flatMap((use) => (use.flowId !== undefined ? [use.flowId] : []))),
    });
  }
  for (const imported of flows) linkSubflowNodes(imported, flows, builders);
  return {
    flows,
    failures: failures.toSorted((a, b) => a.index - b.index),
    publishOrder: publishOrder(flows),
  };
}

/** A flow id from a file name: `exports/Main Menu.json` → `main-menu`. */
export function flowIdFromFileName(name: string): string {
  return sanitizeIdentifier(baseName(name)).toLowerCase().replace(/_/g, '-');
}

/**
 * The calls that would make a flow run inside itself (a subflow cycle cannot compile), keyed by
 * `caller\0sourceRef`, with the loop as text. Calls are walked depth-first in source order; each call back into a
 * flow on the current path is one such call, so what is left forms no cycle.
 */
function findLoopingCalls(
  ids: readonly string[],
  calls: (id: string) => { sourceRef: string; flowId: string }[],
): Map<string, string> {
  const loops = new Map<string, string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): void => {
    path.push(id);
    for (const call of calls(id)) {
      const at = path.indexOf(call.flowId);
      if (at >= 0) loops.set(`${id}\u0000${call.sourceRef}`, [...path.slice(at), call.flowId].join(' → '));
      else if (!done.has(call.flowId)) visit(call.flowId);
    }
    path.pop();
    done.add(id);
  };
  for (const id of ids) if (!done.has(id)) visit(id);
  return loops;
}

// Connect keeps contact attributes across TransferToFlow: what a caller writes, the flows it calls hold as variables.
function propagateAttributes(
  candidates: readonly Candidate[],
  builders: ReadonlyMap<string, FlowBuilder>,
  kept: (id: string) => { flowId: string }[],
): Map<string, Set<string>> {
  const writable = new Map(
    candidates.map((c) => [c.id, new Set(builders.get(c.id)?.environment.writableAttributes ?? [])]),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, attributes] of writable) {
      for (const call of kept(id)) {
        const target = writable.get(call.flowId);
        for (const attribute of attributes) {
          if (target !== undefined && !target.has(attribute)) {
            target.add(attribute);
            changed = true;
          }
        }
      }
    }
  }
  return writable;
}

// Passes the caller's contact-attribute variables into each subflow, and keeps only inputs and outputs the child has.
function linkSubflowNodes(
  imported: ImportedFlow,
  flows: readonly ImportedFlow[],
  builders: ReadonlyMap<string, FlowBuilder>,
): void {
  const builder = builders.get(imported.flow.id);
  if (builder === undefined) return;
  const declared = new Set(imported.flow.variables.map((variable) => variable.name));
  for (const use of builder.flowReferences) {
    const child = flows.find((flow) => flow.flow.id === use.flowId);
    const node = imported.flow.nodes.find((candidate) => candidate.id === use.nodeId);
    if (child === undefined || node === undefined || node.type !== 'subflow') continue;
    const childVariables = new Set(child.flow.variables.map((variable) => variable.name));
    const inputs = objectOfStrings(node.config['inputs']);
    const outputs = objectOfStrings(node.config['outputs']);
    if (imported.format === 'connect') {
      for (const attribute of builders.get(child.flow.id)?.environment.writableAttributes ?? []) {
        const variable = sanitizeIdentifier(attribute);
        if (declared.has(variable) && childVariables.has(variable)) inputs[variable] = variable;
      }
    }
    const dropped = [
      ...Object.keys(inputs)
        .filter((name) => !childVariables.has(name))
        .map((name) => `input ${name}`),
      ...Object.entries(outputs)
        .filter(([, name]) => !childVariables.has(name))
        .map(([parent]) => `output ${parent}`),
    ];
    node.config = {
      ...node.config,
      inputs: Object.fromEntries(Object.entries(inputs).filter(([name]) => childVariables.has(name))),
      ...(node.config['outputs'] !== undefined
        ? { outputs: Object.fromEntries(Object.entries(outputs).filter(([, name]) => childVariables.has(name))) }
        : {}),
    };
    if (dropped.length > 0)
      builder.note(
        'approximate',
        use.reference.sourceRef,
        `The flow "${child.flow.id}" has no variable for ${dropped.join(', ')}; ${dropped.length === 1 ? 'it was' : 'they were'} left out of the subflow node (an output stays empty).`,
      );
  }
}

// Children before the flows that call them (the remaining calls form no cycle).
function publishOrder(flows: readonly ImportedFlow[]): string[] {
  const order: string[] = [];
  const byId = new Map(flows.map((flow) => [flow.flow.id, flow]));
  const visit = (id: string, path: ReadonlySet<string>): void => {
    if (order.includes(id) || path.has(id)) return;
    for (const child of byId.get(id)?.calls ?? []) visit(child, new Set([...path, id]));
    order.push(id);
  };
  for (const flow of flows) visit(flow.flow.id, new Set());
  return order;
}

function objectOfStrings(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => (typeof item === 'string' ? [[key, item]] : [])),
  );
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.json$/i, '') || 'imported-flow';
}

function normalizeKey(key: string | undefined): string[] {
  const normalized =
    key
      ?.trim()
      .toLowerCase()
      .replace(/\.json$/, '') ?? '';
  return normalized === '' ? [] : [normalized];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
