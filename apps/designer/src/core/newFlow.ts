import { CURRENT_SCHEMA_VERSION, type FlowDocument } from '@omniflow/flow-schema';

/** A URL-safe flow id made from a name plus a short random suffix (`card-activation-k3f9`). */
export function flowIdFrom(name: string, random: () => number = Math.random): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${slug || 'flow'}-${suffix}`;
}

/** An empty flow: one start node, English and the given extra locales. */
export function newFlow(id: string, name: string, locales: string[] = ['en-US']): FlowDocument {
  return {
    id,
    name,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    locales,
    defaultLocale: locales[0] ?? 'en-US',
    variables: [],
    start: 'start1',
    nodes: [{ id: 'start1', type: 'start', label: 'Start', position: { x: 0, y: 0 }, config: {} }],
    edges: [],
  };
}

/** A copy of `flow` under a new id and name (published history is not copied). */
export function duplicateFlow(flow: FlowDocument, id: string, name: string): FlowDocument {
  return { ...structuredClone(flow), id, name };
}
