import type { SetConfig } from './setSpec.ts';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Evaluates each assignment in order (later ones see earlier results) and leaves by `next`. */
export const setRuntime: AutomaticRuntime<SetConfig> = {
  kind: 'automatic',
  run: (config, scope) => {
    const variables: Record<string, unknown> = {};
    for (const assignment of config.assignments)
      variables[assignment.variable] = scope.evaluate(assignment.value, variables);
    return { port: 'next', variables };
  },
};
