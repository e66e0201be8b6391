/** One step of the flow document's schema history: `up` from `version - 1` to `version`, `down` back. */
export interface FlowMigration {
  version: number;
  /** Why the shape changed, for the changelog and error messages. */
  description: string;
  up(flow: Record<string, unknown>): Record<string, unknown>;
  down(flow: Record<string, unknown>): Record<string, unknown>;
}
