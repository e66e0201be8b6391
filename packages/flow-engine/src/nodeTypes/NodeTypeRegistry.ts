import type { NodeTypeCatalog, NodeTypeDefinition, NodeTypeSpec } from '@omniflow/flow-schema';
import type { NodeTypeImplementation } from './defineNodeType.ts';
import type { NodeHandler } from './handlerTypes.ts';

/**
 * Wraps every handler of a node type, so the host (the runtime) can hand handlers what it enforces — a secret lookup
 * and a fetch bound to the destinations each secret may reach — without the engine knowing the policy.
 */
export type HandlerDecorator = (spec: NodeTypeSpec, handler: NodeHandler) => NodeHandler;

/**
 * The one explicit map of node types (built-in and plugin) and of named transaction handlers a flow may use.
 * An unknown type is reported by validation; the registry itself never throws on user data.
 */
export class NodeTypeRegistry {
  readonly #types = new Map<string, NodeTypeImplementation>();
  readonly #handlers = new Map<string, NodeHandler>();
  #decorate: HandlerDecorator | undefined;

  /** Adds a node type; registering a type id twice is a programmer error. */
  register(impl: NodeTypeImplementation): this {
    if (this.#types.has(impl.spec.type)) {
      throw new Error(
        `Node type "${impl.spec.type}" is registered twice; give the plugin type a namespaced id such as "pack.${impl.spec.type}".`,
      );
    }
    this.#types.set(impl.spec.type, this.#decorate ? decorated(impl, this.#decorate) : impl);
    return this;
  }

  /**
   * Wraps the handlers of every node type, registered now or later (named transaction handlers included, as the
   * transaction node calls them); call it once, before flows compile.
   */
  decorateHandlers(decorate: HandlerDecorator): this {
    if (this.#decorate) throw new Error('Handlers are decorated once; compose the decorators into one.');
    this.#decorate = decorate;
    for (const [type, impl] of this.#types) this.#types.set(type, decorated(impl, decorate));
    return this;
  }

  /** Adds every node type of a plugin pack. */
  registerAll(impls: readonly NodeTypeImplementation[]): this {
    for (const impl of impls) this.register(impl);
    return this;
  }

  /** Registers a named handler that `transaction` nodes call by `config.handler`; a later one replaces it. */
  registerHandler(name: string, handler: NodeHandler): this {
    this.#handlers.set(name, handler);
    return this;
  }

  /** The implementation of a node type, or `undefined` when it is not registered. */
  get(type: string): NodeTypeImplementation | undefined {
    return this.#types.get(type);
  }

  /** The named transaction handler, or `undefined`. */
  handler(name: string): NodeHandler | undefined {
    return this.#handlers.get(name);
  }

  /** Names of the registered transaction handlers. */
  handlerNames(): string[] {
    return [...this.#handlers.keys()];
  }

  /** The catalog `validateFlow` checks node types and configs against. */
  catalog(): NodeTypeCatalog {
    const catalog = new Map<string, NodeTypeDefinition>();
    for (const [type, impl] of this.#types) {
      catalog.set(type, {
        spec: impl.spec,
        ...(impl.migrations === undefined ? {} : { migrations: impl.migrations }),
        ...(impl.check === undefined ? {} : { check: impl.check }),
      });
    }
    return catalog;
  }

  /** Every node type's JSON spec, for the designer's palette. */
  specs(): NodeTypeSpec[] {
    return [...this.#types.values()].map((impl) => impl.spec);
  }
}

function decorated(impl: NodeTypeImplementation, decorate: HandlerDecorator): NodeTypeImplementation {
  const copy: NodeTypeImplementation = { ...impl };
  const own = impl.handler;
  if (own) copy.handler = decorate(impl.spec, (args) => own.call(impl, args));
  const runtime = impl.runtime;
  if (runtime?.kind === 'async') {
    copy.runtime = {
      ...runtime,
      handler(config, handlers) {
        const handler = runtime.handler(config, handlers);
        return handler && decorate(impl.spec, handler);
      },
    };
  }
  return copy;
}
