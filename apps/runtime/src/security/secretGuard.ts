import type { HandlerDecorator } from '@omniflow/flow-engine';
import type { EgressFetch } from './guardedFetch.ts';

// `{{secret:NAME}}` in a node's config: the http node's way of naming the secrets it sends.
const SECRET_PLACEHOLDER = /\{\{\s*secret:([A-Za-z_][\w.-]*)\s*\}\}/g;

/**
 * Hands every node handler a secret lookup and a fetch bound together (issue 14): a handler gets only the secrets its
 * node type declares (`spec.secrets`) or its config names (`{{secret:NAME}}`), and once it has looked one up, its
 * fetch refuses any origin outside that secret's allow-list (`OMNIFLOW_SECRET_<NAME>_ALLOW`). The refusal is an error
 * the handler sees, so the node takes its `error` port with the reason in the log.
 */
export function secretGuard(options: {
  allowedOrigins(name: string): readonly string[];
  fetch: EgressFetch;
}): HandlerDecorator {
  return (spec, handler) => async (args) => {
    const declared = new Set([...(spec.secrets ?? []), ...secretNamesIn(args.config)]);
    const released = new Set<string>();
    const secret = (name: string): string | undefined => {
      if (!declared.has(name)) {
        args.logger.error(
          { secret: name, nodeType: spec.type },
          `node type "${spec.type}" asked for secret ${name}, which its spec does not declare (spec.secrets); it gets none`,
        );
        return undefined;
      }
      const value = args.secret(name);
      if (value !== undefined) released.add(name);
      return value;
    };
    const fetch: EgressFetch = async (input, init) => {
      const origin = new URL(String(input)).origin;
      for (const name of released) {
        const allowed = options.allowedOrigins(name);
        if (!allowed.includes(origin)) {
          throw new Error(
            `secret ${name} may not be sent to ${origin}; it may go to ${allowed.length > 0 ? allowed.join(', ') : 'no destination yet'} (OMNIFLOW_SECRET_${name}_ALLOW).`,
          );
        }
      }
      return options.fetch(input, init);
    };
    return handler({ ...args, secret, fetch });
  };
}

/** The secret names a node's config sends through `{{secret:NAME}}` placeholders. */
export function secretNamesIn(config: unknown): string[] {
  return [...JSON.stringify(config ?? null).matchAll(SECRET_PLACEHOLDER)].map((m) => m[1] ?? '');
}
