import type { FlowIssue, NodeTypeSpec } from '@omniflow/flow-schema';
import type { EgressConfig } from '../config/loadEgressConfig.ts';
import { secretNamesIn } from './secretGuard.ts';

/**
 * Validation issues of a flow against this runtime's secret policy (issue 14), so the designer shows before a run
 * what the runtime would refuse during one: `SECRET001` a secret the node uses has no allowed destination;
 * `SECRET002` a config string sends a secret to a literal origin outside the secret's allow-list.
 */
export function secretPolicyIssues(
  flow: unknown,
  specOf: (type: string) => NodeTypeSpec | undefined,
  egress: EgressConfig,
): FlowIssue[] {
  const nodes = typeof flow === 'object' && flow !== null ? Reflect.get(flow, 'nodes') : undefined;
  if (!Array.isArray(nodes)) return [];
  const issues: FlowIssue[] = [];
  nodes.forEach((node: unknown, index) => {
    if (typeof node !== 'object' || node === null) return;
    const nodeId = String(Reflect.get(node, 'id') ?? '');
    const config: unknown = Reflect.get(node, 'config');
    const spec = specOf(String(Reflect.get(node, 'type') ?? ''));
    for (const name of new Set([...(spec?.secrets ?? []), ...secretNamesIn(config)])) {
      if ((egress.secretAllow[name] ?? []).length > 0) continue;
      issues.push({
        code: 'SECRET001',
        severity: 'error',
        nodeId,
        pointer: `/nodes/${index}`,
        message: `Node "${nodeId}" uses secret ${name}, which may be sent nowhere yet; set OMNIFLOW_SECRET_${name}_ALLOW to the origins it may reach.`,
      });
    }
    for (const [pointer, text] of stringsOf(config, `/nodes/${index}/config`)) {
      const origin = /^(https?:\/\/[^/?#{]+)/i.exec(text)?.[1];
      if (origin === undefined) continue;
      for (const name of secretNamesIn(text)) {
        const allowed = egress.secretAllow[name] ?? [];
        if (allowed.length === 0 || allowed.includes(new URL(origin).origin)) continue;
        issues.push({
          code: 'SECRET002',
          severity: 'error',
          nodeId,
          pointer,
          message: `Node "${nodeId}" sends secret ${name} to ${new URL(origin).origin}, which it may not reach; it may go to ${allowed.join(', ')}.`,
        });
      }
    }
  });
  return issues;
}

function stringsOf(value: unknown, pointer: string): [string, string][] {
  if (typeof value === 'string') return [[pointer, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringsOf(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}
