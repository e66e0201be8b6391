import type { CanvasPosition, FlowDocument } from '@omniflow/flow-schema';
import type { ImportReportItem } from '../importTypes.ts';
import type { SetConfig } from '@omniflow/flow-engine/specs';
import { FlowBuilder, type ImportEnvironment } from '../shared/FlowBuilder.ts';
import { sanitizeIdentifier } from '../shared/expressionText.ts';
import { ssmlToText } from '../shared/ssmlText.ts';
import { numberAt, recordAt, stringAt, type JsonRecord } from '../shared/jsonGuards.ts';
import { readConnectActions, type ConnectAction } from './connectAction.ts';
import type { ConnectContext } from './ConnectContext.ts';
import { mapConnectAction, PASS_THROUGH_TYPES, queueDisplayName } from './mapConnectAction.ts';

/** Whether a JSON document is an Amazon Connect flow (flow language version 2019-10-30). */
export function isConnectFlow(doc: JsonRecord): boolean {
  return typeof doc['Version'] === 'string' && 'StartAction' in doc && Array.isArray(doc['Actions']);
}

/** Maps an Amazon Connect flow (flow language 2019-10-30) to an Omniflow flow and a report. */
export function importConnectFlow(
  doc: JsonRecord,
  locale: string | undefined,
  environment: ImportEnvironment = {},
): { flow: FlowDocument; report: ImportReportItem[]; builder: FlowBuilder } {
  const actions = readConnectActions(doc);
  const writableAttributes = new Set([...connectAttributeWrites(actions), ...(environment.writableAttributes ?? [])]);
  const builder = new FlowBuilder([locale, detectConnectLocale(actions)], { ...environment, writableAttributes });
  const version = stringAt(doc, 'Version');
  if (version !== '2019-10-30') {
    builder.note(
      'approximate',
      'Version',
      `Flow language version "${version ?? ''}" is read as 2019-10-30, the only version the importer knows.`,
    );
  }
  const metadata = recordAt(doc, 'Metadata');
  const actionMetadata = recordAt(metadata, 'ActionMetadata');
  const byId = new Map(actions.map((action) => [action.id, action]));
  const ids = new Map<string, string>();
  builder.claimId('start');
  for (const action of actions) {
    if (!PASS_THROUGH_TYPES.has(action.type)) ids.set(action.id, builder.claimId(action.id));
  }
  const positionOf = (actionId: string): CanvasPosition | undefined => readPosition(recordAt(actionMetadata, actionId));
  const ctx: ConnectContext = {
    builder,
    externalKeys: collectExternalKeys(doc),
    queueNames: actions
      .filter((action) => action.type === 'UpdateContactTargetQueue')
      .map((action) => queueDisplayName(action, recordAt(actionMetadata, action.id))),
    metadata: (actionId) => recordAt(actionMetadata, actionId),
    nodeId: (action) => ids.get(action.id) ?? action.id,
    target: (actionId, sourceRef) => resolveTarget(actionId, sourceRef, byId, ids, builder),
    addActionNode(action, type, config, label) {
      const id = ids.get(action.id) ?? builder.claimId(action.id);
      const position = positionOf(action.id);
      builder.addNode({
        id,
        type,
        label: label ?? actionLabel(action, recordAt(actionMetadata, action.id)),
        ...(position ? { position } : {}),
        config,
      });
      return id;
    },
    addDerivedNode(action, suffix, node, offset) {
      const id = builder.claimId(`${ids.get(action.id) ?? action.id}_${suffix}`);
      const base = positionOf(action.id);
      builder.addNode({ id, ...node, ...(base ? { position: { x: base.x + offset.x, y: base.y + offset.y } } : {}) });
      return id;
    },
  };
  const entry = readPosition(recordAt(metadata, 'entryPointPosition'));
  builder.addNode({ id: 'start', type: 'start', label: 'Start', ...(entry ? { position: entry } : {}), config: {} });
  const startAction = stringAt(doc, 'StartAction');
  builder.connect('start', 'next', ctx.target(startAction, 'StartAction'), 'StartAction');
  for (const action of actions) {
    if (PASS_THROUGH_TYPES.has(action.type)) {
      builder.note(
        'info',
        action.id,
        `${action.type} has no Omniflow equivalent (a Connect contact setting); it was skipped and its next step follows directly.`,
      );
      continue;
    }
    mapConnectAction(action, ctx);
  }
  readContactAttributesFirst(builder, entry);
  const name = stringAt(metadata, 'name') ?? 'Imported Amazon Connect flow';
  const description = stringAt(metadata, 'description');
  const flow = builder.build({
    id: sanitizeIdentifier(name).toLowerCase(),
    name,
    ...(description !== undefined ? { description } : {}),
    start: 'start',
  });
  return { flow, report: builder.report, builder };
}

/** The contact attribute keys a Connect flow writes (`UpdateContactAttributes`). */
export function connectAttributeWrites(actions: readonly ConnectAction[]): Set<string> {
  return new Set(
    actions
      .filter((action) => action.type === 'UpdateContactAttributes')
      .flatMap((action) => Object.keys(recordAt(action.parameters, 'Attributes'))),
  );
}

/**
 * Attributes the flow writes are flow variables; where it also reads them, a set node after the start gives each
 * the contact's own attribute first (unless the caller data or a calling flow passed a value), as Connect does.
 */
function readContactAttributesFirst(builder: FlowBuilder, entry: CanvasPosition | undefined): void {
  if (builder.attributeReads.size === 0) return;
  const first = builder.edges.find((edge) => edge.source === 'start' && edge.port === 'next');
  if (first === undefined) return;
  const id = builder.claimId('contact_attributes');
  const keys = [...builder.attributeReads].toSorted();
  const config: SetConfig = {
    assignments: keys.map((key) => {
      const variable = sanitizeIdentifier(key);
      return { variable, value: `${variable} || contact.attributes.${key} || ''` };
    }),
  };
  builder.addNode({
    id,
    type: 'set',
    label: 'Contact attributes',
    ...(entry ? { position: { x: entry.x, y: entry.y + 150 } } : {}),
    config: { ...config },
  });
  builder.edges.push({ id: `${id}:next`, source: id, port: 'next', target: first.target });
  first.target = id;
  builder.note(
    'info',
    'StartAction',
    `The flow writes and reads the contact attributes ${keys.join(', ')}: they are flow variables that start from contact.attributes.<name>.`,
  );
}

// Follows chains of skipped actions (with a guard against cycles of them) to the node a transition enters.
function resolveTarget(
  actionId: string | undefined,
  sourceRef: string,
  byId: ReadonlyMap<string, ConnectAction>,
  ids: ReadonlyMap<string, string>,
  builder: FlowBuilder,
): string | undefined {
  const seen = new Set<string>();
  let current = actionId;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const nodeId = ids.get(current);
    if (nodeId !== undefined) return nodeId;
    const action = byId.get(current);
    if (action === undefined) {
      builder.note(
        'approximate',
        sourceRef,
        `The transition to "${current}" names no action of the flow; it ends the conversation instead.`,
      );
      return undefined;
    }
    current = action.next ?? action.errors.find((error) => error.next !== undefined)?.next;
  }
  return undefined;
}

function detectConnectLocale(actions: readonly ConnectAction[]): string | undefined {
  for (const action of actions) {
    const code = stringAt(action.parameters, 'LanguageCode');
    if (code !== undefined && code !== '') return code;
  }
  return undefined;
}

function collectExternalKeys(doc: JsonRecord): string[] {
  const keys = new Set<string>();
  for (const match of JSON.stringify(doc).matchAll(/\$\.External\.([A-Za-z_][\w-]*)/g)) keys.add(match[1] ?? '');
  keys.delete('');
  return [...keys];
}

function readPosition(source: JsonRecord): CanvasPosition | undefined {
  const position = recordAt(source, 'position');
  const x = numberAt(position, 'x') ?? numberAt(source, 'x');
  const y = numberAt(position, 'y') ?? numberAt(source, 'y');
  return x !== undefined && y !== undefined ? { x, y } : undefined;
}

// The designer shows labels: a friendly name as Connect showed it, else the block type and the start of its text.
function actionLabel(action: ConnectAction, metadata: JsonRecord): string {
  if (metadata['isFriendlyName'] === true) return action.id;
  const type = action.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  const text = ssmlToText(stringAt(action.parameters, 'Text') ?? stringAt(action.parameters, 'SSML') ?? '').replace(
    /\s+/g,
    ' ',
  );
  return text === '' ? type : `${type}: ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
