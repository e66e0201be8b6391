import type { NodeTypeSpec, PortInfo } from '../nodeTypeSpec.ts';
import { resolvePointer } from '../jsonPointer.ts';

/**
 * The ports of a concrete node, derived from its type's `ports` spec and its config: fixed ports, one port per
 * item of a config array (named by the item's `key` field, or by the item itself when it is a string), each kept only when its `when` pointer is truthy.
 * Duplicate names keep their first occurrence; `locale` picks the label of localized label objects.
 */
export function derivePorts(spec: NodeTypeSpec, config: Record<string, unknown>, locale?: string): PortInfo[] {
  const ports: PortInfo[] = [];
  const seen = new Set<string>();
  const add = (name: string, label: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    ports.push({ name, label });
  };
  for (const port of spec.ports) {
    if (port.when !== undefined && !isSet(resolvePointer(config, port.when))) continue;
    if ('name' in port) {
      add(port.name, port.label ?? port.name);
      continue;
    }
    const items = resolvePointer(config, port.fromConfig);
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      // A plain string item (e.g. a transaction's extra `outcomes`) names its own port.
      if (typeof item === 'string' && item !== '') {
        add(item, item);
        continue;
      }
      if (typeof item !== 'object' || item === null) continue;
      const key: unknown = Reflect.get(item, port.key);
      if ((typeof key !== 'string' || key === '') && typeof key !== 'number') continue;
      const name = String(key);
      const label = port.label === undefined ? undefined : labelText(Reflect.get(item, port.label), locale);
      add(name, label ?? name);
    }
  }
  return ports;
}

function isSet(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '');
}

function labelText(value: unknown, locale: string | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const preferred: unknown =
    locale !== undefined && Object.hasOwn(value, locale) ? Reflect.get(value, locale) : undefined;
  if (typeof preferred === 'string') return preferred;
  const first = Object.values(value).find((text) => typeof text === 'string');
  return typeof first === 'string' ? first : undefined;
}
