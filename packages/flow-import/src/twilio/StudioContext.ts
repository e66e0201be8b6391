import type { FlowNode } from '@omniflow/flow-schema';
import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import type { JsonRecord } from '../shared/jsonGuards.ts';

/** A Studio widget, normalized: its name, type, properties and `event → next` transitions. */
export interface StudioWidget {
  name: string;
  type: string;
  properties: JsonRecord;
  transitions: { event: string; next: string | undefined; conditions: unknown[] }[];
}

/** One value a widget's result feeds: the variable and where in the reply it is read. */
export interface StudioResultField {
  variable: string;
  path: string;
}

/** What every Studio widget mapper is given. */
export interface StudioContext {
  builder: FlowBuilder;
  /** The node a transition to widget `name` enters; undefined goes to the shared end. */
  target(name: string | undefined, sourceRef: string): string | undefined;
  /** The target of the first of `events` that has a `next`. */
  next(widget: StudioWidget, ...events: string[]): string | undefined;
  /** Result fields of a widget that the flow reads (`widgets.<name>.parsed.*`, `.body`, `.status_code`). */
  resultFields(widget: StudioWidget): StudioResultField[];
  /** Fields of a widget the flow reads (`widgets.<name>.<field>`), e.g. the variables a subflow returns. */
  widgetFields(widget: StudioWidget): string[];
  addWidgetNode(widget: StudioWidget, type: string, config: Record<string, unknown>, label?: string): string;
  addDerivedNode(widget: StudioWidget, suffix: string, node: Omit<FlowNode, 'id'>): string;
}
