import type { FlowTestMock } from '@omniflow/flow-schema';
import type { NodeTypeImplementation } from '../nodeTypes/defineNodeType.ts';
import type { HandlerArgs, HandlerResult } from '../nodeTypes/handlerTypes.ts';
import { NodeTypeRegistry } from '../nodeTypes/NodeTypeRegistry.ts';

/** The session id the test runner starts sessions with; mocks find their node through the idempotency key. */
export const FLOW_TEST_SESSION_ID = 'flow-test';

/**
 * A copy of `registry` whose handler node types answer a test's mock for the node being run instead of calling
 * their back end; nodes without a mock run their real handler. Mocked variables are flow variables, set as given.
 */
export function withMockedHandlers(
  registry: NodeTypeRegistry,
  mocks: Readonly<Record<string, FlowTestMock>>,
): NodeTypeRegistry {
  const mocked = new NodeTypeRegistry();
  // Results built from a mock bypass the node's result mapping: analysts write flow variables, not back-end fields.
  const mockResults = new WeakSet<HandlerResult>();
  const lookup = (args: HandlerArgs<unknown>): HandlerResult | undefined => {
    const mock = mocks[nodeIdOf(args.idempotencyKey)];
    if (mock === undefined) return undefined;
    const result: HandlerResult = { port: mock.port ?? 'success', variables: { ...mock.variables } };
    if (mock.contact) result.contact = { customerId: mock.contact.customerId };
    mockResults.add(result);
    return result;
  };
  for (const spec of registry.specs()) {
    const impl = registry.get(spec.type);
    if (impl !== undefined) mocked.register(mockImplementation(impl, lookup, mockResults));
  }
  for (const name of registry.handlerNames()) {
    const handler = registry.handler(name);
    if (handler !== undefined) mocked.registerHandler(name, handler);
  }
  return mocked;
}

function mockImplementation(
  impl: NodeTypeImplementation,
  lookup: (args: HandlerArgs<unknown>) => HandlerResult | undefined,
  mockResults: WeakSet<HandlerResult>,
): NodeTypeImplementation {
  const runtime = impl.runtime;
  if (runtime?.kind === 'async') {
    const results = runtime.results;
    return {
      ...impl,
      runtime: {
        ...runtime,
        // A missing real handler is fine when the test mocks the node: the core bank need not exist in a test.
        handler: (config, handlers) => mockingHandler(runtime.handler(config, handlers), lookup),
        results: (config, result) =>
          mockResults.has(result) || results === undefined ? (result.variables ?? {}) : results(config, result),
      },
    };
  }
  // A spec-only async type (its pack's handlers are not installed here) still runs when the test mocks it.
  if (impl.handler === undefined && impl.spec.behaviour !== 'async') return impl;
  return { ...impl, handler: mockingHandler(impl.handler?.bind(impl), lookup) };
}

function mockingHandler<Config>(
  real: ((args: HandlerArgs<Config>) => Promise<HandlerResult>) | undefined,
  lookup: (args: HandlerArgs<unknown>) => HandlerResult | undefined,
): (args: HandlerArgs<Config>) => Promise<HandlerResult> {
  return async (args) => {
    const mock = lookup(args);
    if (mock !== undefined) return mock;
    if (real === undefined)
      throw new Error('no handler is registered for this node and the test does not mock it; add a mock for the node');
    return real(args);
  };
}

/** The node id inside `flow-test:<node id>:<visit>` (node ids may hold colons; the visit never does). */
function nodeIdOf(idempotencyKey: string): string {
  const rest = idempotencyKey.startsWith(`${FLOW_TEST_SESSION_ID}:`)
    ? idempotencyKey.slice(FLOW_TEST_SESSION_ID.length + 1)
    : idempotencyKey;
  const visit = rest.lastIndexOf(':');
  return visit === -1 ? rest : rest.slice(0, visit);
}
