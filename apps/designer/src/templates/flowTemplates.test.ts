import { describe, expect, it } from 'vitest';
import { validateFlow } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { createCatalog } from '../core/nodeCatalog.ts';
import { FLOW_TEMPLATES, flowFromTemplate } from './flowTemplates.ts';

describe('flow templates', () => {
  const catalog = createCatalog(builtInSpecs.map((definition) => definition.spec)).validation;
  // Blank is meant to be finished by the analyst (its start port is open); every other template runs as it is.
  it.each(FLOW_TEMPLATES.filter((t) => t.id !== 'blank').map((t) => [t.id, t] as const))(
    '%s is a valid flow with built-in node types only',
    (_id, template) => {
      const result = validateFlow(flowFromTemplate(template, 'from-template', 'From template'), catalog);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    },
  );

  it('gives each created flow its own copy of the template', () => {
    const template = FLOW_TEMPLATES[1]!;
    const flow = flowFromTemplate(template, 'a', 'A');
    flow.nodes.pop();
    expect(flowFromTemplate(template, 'b', 'B').nodes.length).toBe(template.body.nodes.length);
  });
});
