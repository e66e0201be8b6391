import { createBuiltInRegistry, type NodeTypeRegistry } from '@omniflow/flow-engine';
import type { TestSessionOptions } from '@omniflow/flow-engine/testing';
import { startCoreBanking, type CoreBankingService } from '@omniflow/core-banking';
import { bankingPack } from '@omniflow/plugin-banking/handlers';
import { registerExampleHandlers } from './exampleFlows.ts';
import type { FlightHandlers } from './handlers/flightHandlers.ts';

/** What example tests run against: a registry with every node type and handler, and a live core-banking service. */
export interface ExampleHarness {
  registry: NodeTypeRegistry;
  bank: CoreBankingService;
  flights: FlightHandlers;
  /** Session options that reach the live service (secrets) through this registry. */
  options: TestSessionOptions;
  close(): Promise<void>;
}

/** The registry the examples run on: built-ins, the banking pack and the example handlers. */
export function createExampleRegistry(): { registry: NodeTypeRegistry; flights: FlightHandlers } {
  const registry = createBuiltInRegistry().registerAll(bankingPack.definitions);
  return { registry, flights: registerExampleHandlers(registry) };
}

/** Starts a fresh in-memory core-banking service on an ephemeral port and a registry wired to it. */
export async function startExampleHarness(): Promise<ExampleHarness> {
  const bank = await startCoreBanking({ now: () => new Date('2026-11-25T09:00:00Z') });
  const { registry, flights } = createExampleRegistry();
  const secrets: Record<string, string> = { CORE_BANKING_URL: bank.url, CORE_BANKING_API_KEY: bank.apiKey };
  return {
    registry,
    bank,
    flights,
    options: { registry, secrets: (name) => secrets[name] },
    close: () => bank.close(),
  };
}
