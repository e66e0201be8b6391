import type { TransactionConfig } from './transactionSpec.ts';
import type { AsyncRuntime } from '../../nodeTypes/nodeRuntime.ts';

/** Calls the named handler with the evaluated args; copies result fields named in `results` into variables. */
export const transactionRuntime: AsyncRuntime<TransactionConfig> = {
  kind: 'async',
  handler: (config, handlers) => handlers(config.handler),
  args: (config, scope) => {
    const args: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(config.args ?? {})) args[name] = scope.evaluate(expression);
    return args;
  },
  results: (config, result) => {
    const values = result.variables ?? {};
    if (!config.results) return values;
    const variables: Record<string, unknown> = {};
    for (const [variable, field] of Object.entries(config.results))
      if (field in values) variables[variable] = values[field];
    return variables;
  },
  ports: (config) => config.outcomes ?? [],
};
