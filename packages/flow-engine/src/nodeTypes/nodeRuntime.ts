/** Placeholder for the synchronous node runtime contract; the engine owner refines it. */
export interface NodeRuntime<Config = Record<string, unknown>> {
  readonly __config?: Config;
}
