// Minimal types for the parts of node-red the benchmark embeds (the package ships none).
declare module 'node-red' {
  import type { RequestListener, Server } from 'node:http';

  interface NodeRedSettings {
    userDir: string;
    flowFile: string;
    httpAdminRoot: false | string;
    httpNodeRoot: false | string;
    uiHost?: string;
    credentialSecret?: false | string;
    logging?: Record<string, { level: string; metrics?: boolean; audit?: boolean }>;
  }

  const RED: {
    init(server: Server, settings: NodeRedSettings): void;
    start(): Promise<void>;
    stop(): Promise<void>;
    readonly httpNode: RequestListener;
  };
  export default RED;
}
