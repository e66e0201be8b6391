import type { CanvasPosition, FlowDocument } from '@omniflow/flow-schema';
import { isRecord } from '@omniflow/flow-schema';
import type { ImportReportItem } from '../importTypes.ts';
import { FlowBuilder, type ImportEnvironment } from '../shared/FlowBuilder.ts';
import { sanitizeIdentifier } from '../shared/expressionText.ts';
import { arrayAt, numberAt, recordAt, stringAt, type JsonRecord } from '../shared/jsonGuards.ts';
import { mapStudioWidget } from './mapStudioWidget.ts';
import type { StudioContext, StudioResultField, StudioWidget } from './StudioContext.ts';
import { splitLiquidPath, studioVariableName } from './studioVariableName.ts';

// Which trigger event a single-start Omniflow flow follows, in order of preference.
const TRIGGER_EVENTS = [
  'incomingCall',
  'incomingConversationMessage',
  'incomingMessage',
  'incomingRequest',
  'incomingParent',
];

/** Whether a JSON document is a Twilio Studio flow definition (`states[]` with a `trigger` widget). */
export function isStudioFlow(doc: JsonRecord): boolean {
  return (
    arrayAt(doc, 'states').some((state) => stringAt(state, 'type') === 'trigger') &&
    (typeof doc['initial_state'] === 'string' || 'flags' in doc)
  );
}

/** Maps a Twilio Studio flow definition to an Omniflow flow and a report. */
export function importStudioFlow(
  doc: JsonRecord,
  locale: string | undefined,
  environment: ImportEnvironment = {},
): { flow: FlowDocument; report: ImportReportItem[]; builder: FlowBuilder } {
  const widgets = readWidgets(doc);
  const builder = new FlowBuilder([locale, detectStudioLocale(widgets)], environment);
  const ids = new Map<string, string>();
  builder.claimId('start');
  for (const widget of widgets)
    if (widget.type !== 'trigger') ids.set(widget.name, builder.claimId(sanitizeIdentifier(widget.name)));
  const results = collectResultFields(doc);
  const serialized = JSON.stringify(doc);
  const ctx: StudioContext = {
    builder,
    target(name, sourceRef) {
      if (name === undefined) return undefined;
      const id = ids.get(name);
      if (id === undefined)
        builder.note(
          'approximate',
          sourceRef,
          `The transition to "${name}" names no widget of the flow; it ends the conversation instead.`,
        );
      return id;
    },
    next: (widget, ...events) => {
      for (const event of events) {
        const found = widget.transitions.find(
          (transition) => transition.event === event && transition.next !== undefined,
        );
        if (found) return found.next;
      }
      return undefined;
    },
    resultFields: (widget) => results.get(widget.name) ?? [],
    widgetFields: (widget) => widgetFields(serialized, widget.name),
    addWidgetNode(widget, type, config, label) {
      const id = ids.get(widget.name) ?? builder.claimId(sanitizeIdentifier(widget.name));
      const position = positionOf(widget);
      builder.addNode({ id, type, label: label ?? widget.name, ...(position ? { position } : {}), config });
      return id;
    },
    addDerivedNode(widget, suffix, node) {
      const id = builder.claimId(`${ids.get(widget.name) ?? sanitizeIdentifier(widget.name)}_${suffix}`);
      const base = positionOf(widget);
      builder.addNode({ id, ...node, ...(base ? { position: { x: base.x, y: base.y + 150 } } : {}) });
      return id;
    },
  };
  const initial = stringAt(doc, 'initial_state');
  const trigger =
    widgets.find((widget) => widget.type === 'trigger' && (initial === undefined || widget.name === initial)) ??
    widgets.find((w) => w.type === 'trigger');
  const triggerPosition = trigger ? positionOf(trigger) : undefined;
  builder.addNode({
    id: 'start',
    type: 'start',
    label: trigger?.name ?? 'Start',
    ...(triggerPosition ? { position: triggerPosition } : {}),
    config: {},
  });
  builder.connect(
    'start',
    'next',
    ctx.target(trigger ? chooseTriggerTarget(trigger, builder) : initial, 'Trigger'),
    trigger?.name ?? 'Trigger',
  );
  for (const widget of widgets) {
    if (widget.type !== 'trigger') mapStudioWidget(widget, ctx);
  }
  const description = stringAt(doc, 'description');
  const name = description !== undefined && description !== '' ? description : 'Imported Twilio Studio flow';
  const flow = builder.build({
    id: sanitizeIdentifier(name).toLowerCase().slice(0, 64),
    name,
    ...(description ? { description } : {}),
    start: 'start',
  });
  return { flow, report: builder.report, builder };
}

function positionOf(widget: StudioWidget): CanvasPosition | undefined {
  const offset = recordAt(widget.properties, 'offset');
  const x = numberAt(offset, 'x');
  const y = numberAt(offset, 'y');
  return x !== undefined && y !== undefined ? { x, y } : undefined;
}

function readWidgets(doc: JsonRecord): StudioWidget[] {
  const widgets: StudioWidget[] = [];
  for (const state of arrayAt(doc, 'states')) {
    const name = stringAt(state, 'name');
    if (name === undefined || name === '') continue;
    widgets.push({
      name,
      type: stringAt(state, 'type') ?? 'unknown',
      properties: recordAt(state, 'properties'),
      transitions: arrayAt(state, 'transitions')
        .filter(isRecord)
        .map((transition) => {
          const next = stringAt(transition, 'next');
          return {
            event: stringAt(transition, 'event') ?? '',
            next: next === undefined || next === '' ? undefined : next,
            conditions: arrayAt(transition, 'conditions'),
          };
        }),
    });
  }
  return widgets;
}

function chooseTriggerTarget(trigger: StudioWidget, builder: FlowBuilder): string | undefined {
  const wired = trigger.transitions.filter((transition) => transition.next !== undefined);
  const chosen =
    TRIGGER_EVENTS.map((event) => wired.find((transition) => transition.event === event)).find(
      (found) => found !== undefined,
    ) ?? wired[0];
  const others = wired.filter((transition) => transition !== chosen && transition.next !== chosen?.next);
  if (others.length > 0) {
    builder.note(
      'approximate',
      trigger.name,
      `An Omniflow flow has one start: it follows ${chosen?.event ?? ''}; the trigger events ${others.map((t) => `${t.event} → ${t.next ?? ''}`).join(', ')} were not imported as starts.`,
    );
  }
  if (chosen === undefined)
    builder.note('approximate', trigger.name, 'No trigger event leads anywhere; the flow ends at once.');
  return chosen?.next;
}

function detectStudioLocale(widgets: readonly StudioWidget[]): string | undefined {
  for (const widget of widgets) {
    const language = stringAt(widget.properties, 'language');
    if (language !== undefined && language !== '') return language;
  }
  return undefined;
}

// Every `widgets.<name>.parsed.*` / `.body` / `.status_code` the flow reads, so the widget's node can fill it.
function collectResultFields(doc: JsonRecord): Map<string, StudioResultField[]> {
  const fields = new Map<string, StudioResultField[]>();
  for (const match of JSON.stringify(doc).matchAll(
    /widgets\.([A-Za-z0-9_][\w-]*)\.(parsed(?:\.[A-Za-z0-9_][\w-]*)*|body|status_code)\b/g,
  )) {
    const widget = match[1] ?? '';
    const mapped = studioVariableName(splitLiquidPath(`widgets.${widget}.${match[2] ?? ''}`));
    if (mapped.resultPath === undefined) continue;
    const list = fields.get(widget) ?? [];
    if (!list.some((field) => field.variable === mapped.name))
      list.push({ variable: mapped.name, path: mapped.resultPath });
    fields.set(widget, list);
  }
  return fields;
}

// `widgets.<name>.<field>` paths of one widget (Liquid `{{…}}` or split inputs), each field once.
function widgetFields(serialized: string, widget: string): string[] {
  const escaped = widget.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const fields = new Set<string>();
  for (const match of serialized.matchAll(new RegExp(`widgets\\.${escaped}\\.([A-Za-z_]\\w*)`, 'g')))
    if (match[1] !== undefined) fields.add(match[1]);
  return [...fields];
}
