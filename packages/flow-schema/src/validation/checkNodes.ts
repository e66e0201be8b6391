import type { FlowNode } from '../flowDocument.ts';
import type { NodeTypeDefinition } from '../nodeTypeSpec.ts';
import { derivePorts } from '../ports/derivePorts.ts';
import { jsonPointer, resolvePointer } from '../jsonPointer.ts';
import { migrateNodeConfig } from '../migrations/migrateNodeConfig.ts';
import { configValidatorFor, describeAjvError } from './schemaCompiler.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Checks each node on its own — id uniqueness (FLOW005), known type (FLOW003), type version and config migration
 * (FLOW023, FLOW024, FLOW027), config against its type's schema (FLOW004, FLOW026), distinct ports (FLOW028) — and
 * replaces the flow's nodes with their migrated versions.
 */
export function checkNodes(context: ValidationContext): void {
  const seen = new Set<string>();
  const nodes = context.flow.nodes.map((node, i) => {
    const at = jsonPointer('nodes', i);
    if (seen.has(node.id)) {
      context.report(
        'FLOW005',
        `${at}/id`,
        `node id "${node.id}" is used by another node; give this node a unique id`,
        node.id,
      );
    }
    seen.add(node.id);
    const definition = context.catalog.get(node.type);
    if (definition === undefined) {
      const known = [...context.catalog.keys()].toSorted().join(', ');
      context.report(
        'FLOW003',
        `${at}/type`,
        `unknown node type "${node.type}"; install the plugin that provides it or use one of: ${known}`,
        node.id,
      );
      return node;
    }
    const migrated = migrateNode(context, node, definition, at);
    if (migrated === undefined) return node;
    context.specs.set(i, definition.spec);
    const validator = configValidatorFor(definition.spec);
    if (!validator.ok) {
      context.report(
        'FLOW026',
        `${at}/type`,
        `node type "${node.type}" has a config schema ajv cannot compile (${validator.message}); fix the node type definition`,
        node.id,
      );
      return migrated;
    }
    if (!validator.validate(migrated.config)) {
      for (const error of validator.validate.errors ?? []) {
        const { pointer, message, rule } = describeAjvError(error);
        context.report(
          'FLOW004',
          `${at}/config${pointer}`,
          `config of ${node.type} node "${node.id}" at ${pointer || '/'}: ${message}`,
          node.id,
          rule,
        );
      }
      return migrated;
    }
    context.ports.set(i, checkPorts(context, migrated, definition, at));
    return migrated;
  });
  context.flow = { ...context.flow, nodes };
}

function checkPorts(
  context: ValidationContext,
  node: FlowNode,
  definition: NodeTypeDefinition,
  at: string,
): ReturnType<typeof derivePorts> {
  const ports = derivePorts(definition.spec, node.config);
  const names = new Set<string>();
  for (const spec of definition.spec.ports) {
    if (!('fromConfig' in spec)) continue;
    const found = resolvePointer(node.config, spec.fromConfig);
    const items: unknown[] = Array.isArray(found) ? found : [];
    items.forEach((item, j) => {
      const key: unknown =
        typeof item === 'string'
          ? item
          : typeof item === 'object' && item !== null
            ? Reflect.get(item, spec.key)
            : undefined;
      if ((typeof key !== 'string' || key === '') && typeof key !== 'number') return;
      const name = String(key);
      if (names.has(name) || definition.spec.ports.some((p) => 'name' in p && p.name === name)) {
        context.report(
          'FLOW028',
          `${at}/config${spec.fromConfig}/${j}${typeof item === 'string' ? '' : `/${spec.key}`}`,
          `two ports of node "${node.id}" are named "${name}"; give each ${spec.key} a distinct value`,
          node.id,
        );
      }
      names.add(name);
    });
  }
  return ports;
}

function migrateNode(
  context: ValidationContext,
  node: FlowNode,
  definition: NodeTypeDefinition,
  at: string,
): FlowNode | undefined {
  const current = definition.spec.version;
  const from = node.typeVersion ?? current;
  if (from > current) {
    context.report(
      'FLOW023',
      `${at}/typeVersion`,
      `node "${node.id}" was written for ${node.type} version ${from} but this runtime has version ${current}; upgrade the runtime or plugin`,
      node.id,
    );
    return undefined;
  }
  if (from === current) return node;
  const migrated = migrateNodeConfig(definition, from, node.config);
  if (!migrated.ok) {
    if (migrated.missing) {
      context.report(
        'FLOW027',
        `${at}/typeVersion`,
        `no migration of ${node.type} config to version ${migrated.version}; the node type must ship one, or edit the node by hand and set typeVersion to ${current}`,
        node.id,
      );
    } else {
      context.report(
        'FLOW027',
        `${at}/config`,
        `migrating node "${node.id}" to ${node.type} version ${migrated.version} failed (${migrated.reason}); fix its config by hand`,
        node.id,
      );
    }
    return undefined;
  }
  context.report(
    'FLOW024',
    `${at}/typeVersion`,
    `node "${node.id}" was migrated from ${node.type} version ${from} to ${current}; save the flow to keep the migrated config`,
    node.id,
  );
  return { ...node, typeVersion: current, config: migrated.config };
}
