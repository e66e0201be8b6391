import { jsonPointer } from '../jsonPointer.ts';
import type { ValidationContext } from '../validation/validationContext.ts';

/**
 * Checks the flow's conversation tests against the flow: unique test ids (FLOW041), node ids in `expectNode` and
 * `mocks` (FLOW040), mock ports the node has (FLOW042), and declared locales and variables (FLOW043).
 */
export function checkFlowTests(context: ValidationContext): void {
  const { flow } = context;
  const ids = new Set<string>();
  (flow.tests ?? []).forEach((test, t) => {
    if (ids.has(test.id))
      context.report(
        'FLOW041',
        jsonPointer('tests', t, 'id'),
        `two tests have the id "${test.id}"; give each test its own id`,
      );
    ids.add(test.id);
    if (test.locale !== undefined && !flow.locales.includes(test.locale)) {
      context.report(
        'FLOW043',
        jsonPointer('tests', t, 'locale'),
        `test "${test.name}" runs in locale "${test.locale}", which the flow does not declare (${flow.locales.join(', ')}); pick one of them`,
      );
    }
    for (const [mocked, mock] of Object.entries(test.mocks ?? {})) {
      const pointer = jsonPointer('tests', t, 'mocks', mocked);
      const index = context.nodeIndex.get(mocked);
      if (index === undefined) {
        context.report(
          'FLOW040',
          pointer,
          `test "${test.name}" mocks node "${mocked}", which the flow does not have; pick an existing node id`,
        );
        continue;
      }
      const ports = context.ports.get(index);
      if (mock.port !== undefined && ports !== undefined && !ports.some((port) => port.name === mock.port)) {
        const names = ports.map((port) => port.name).join(', ');
        context.report(
          'FLOW042',
          jsonPointer('tests', t, 'mocks', mocked, 'port'),
          `test "${test.name}" mocks port "${mock.port}" of node "${mocked}", which has no such port (its ports: ${names})`,
          mocked,
        );
      }
    }
    test.steps.forEach((step, s) => {
      if ('expectNode' in step && !context.nodeIndex.has(step.expectNode)) {
        context.report(
          'FLOW040',
          jsonPointer('tests', t, 'steps', s, 'expectNode'),
          `test "${test.name}" expects node "${step.expectNode}", which the flow does not have; pick an existing node id`,
        );
      }
      if ('expectVariable' in step && !context.isDeclared(step.expectVariable.name)) {
        context.report(
          'FLOW043',
          jsonPointer('tests', t, 'steps', s, 'expectVariable', 'name'),
          `test "${test.name}" checks variable "${step.expectVariable.name}", which the flow does not declare; fix its spelling or declare it`,
        );
      }
    });
  });
}
