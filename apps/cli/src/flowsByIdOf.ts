import { validateFlow, type FlowDocument, type NodeTypeCatalog } from '@omniflow/flow-schema';

/**
 * The valid flows among parsed documents, by id: the subflows a flow named on the command line may call, as the
 * runtime's published flows are (#15: what validates must compile, so both resolve subflows the same way).
 */
export function flowsByIdOf(documents: readonly unknown[], catalog: NodeTypeCatalog): Map<string, FlowDocument> {
  const byId = new Map<string, FlowDocument>();
  for (const document of documents) {
    const valid = validateFlow(document, catalog);
    if (valid.ok) byId.set(valid.flow.id, valid.flow);
  }
  return byId;
}
