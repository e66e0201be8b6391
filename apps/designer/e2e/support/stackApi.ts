import type { Stack } from './startStack.ts';

/** Calls the stack's runtime API with its token; rejects on a non-2xx reply with the status and body. */
export function stackApi(stack: Stack): (method: string, path: string, body?: unknown) => Promise<unknown> {
  return async (method, path, body) => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
}

/** The draft of every flow the runtime holds (the seeded examples, in an e2e stack), by flow id. */
export async function flowDrafts(
  stack: Stack,
): Promise<{ id: string; draft: { nodes: { id: string }[]; edges: unknown[] } }[]> {
  const api = stackApi(stack);
  const { flows } = (await api('GET', '/api/flows')) as { flows: { id: string }[] };
  const drafts = [];
  for (const { id } of flows) {
    const { flow } = (await api('GET', `/api/flows/${id}`)) as {
      flow: { draft: { nodes: { id: string }[]; edges: unknown[] } };
    };
    drafts.push({ id, draft: flow.draft });
  }
  return drafts;
}

/** Where the saved draft of `flowId` puts each node, by node id (what the designer's autosave last stored). */
export async function savedPositions(stack: Stack, flowId: string): Promise<Map<string, { x: number; y: number }>> {
  const { flow } = (await stackApi(stack)('GET', `/api/flows/${flowId}`)) as {
    flow: { draft: { nodes: { id: string; position: { x: number; y: number } }[] } };
  };
  return new Map(flow.draft.nodes.map((n) => [n.id, n.position]));
}
