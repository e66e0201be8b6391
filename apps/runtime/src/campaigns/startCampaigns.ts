import { join } from 'node:path';
import { Router, type Express } from 'express';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { TokenService } from '../auth/TokenService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { createDefaultVoiceEngines } from '../voice/createDefaultVoiceEngines.ts';
import { CampaignRunner } from './CampaignRunner.ts';
import { CampaignService } from './CampaignService.ts';
import { campaignsRouter } from './campaignsRouter.ts';
import type { Dialer } from './Dialer.ts';
import { detectOptOut } from './detectOptOut.ts';
import type { CampaignStore } from './CampaignStore.ts';
import { LineSimulator } from './LineSimulator.ts';
import { PostgresCampaignStore } from './PostgresCampaignStore.ts';
import { SqliteCampaignStore } from './SqliteCampaignStore.ts';
import { TwilioDialer } from './TwilioDialer.ts';
import { twilioStatusRouter } from './twilioStatusRouter.ts';

/** What the campaign engine needs from the runtime. */
export interface CampaignDeps {
  dataDir: string;
  flows: FlowStore;
  /** The runtime's PostgreSQL pool when it runs on PostgreSQL: campaigns live there, their jobs in pg-boss. */
  pool?: Pool | undefined;
  tokens: TokenService;
  logger: Logger;
  /** Runtime secrets: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER enable the Twilio dialer. */
  secrets: (name: string) => string | undefined;
  config: { publicUrl?: string | undefined; bodyLimit: string };
  env?: NodeJS.ProcessEnv;
}

/** The running campaign engine of one process. */
export interface Campaigns {
  /** `/api/campaigns`, mounted under `/api` after the token check. */
  api: { public: Router; authenticated: Router };
  /** Mounts Twilio's status callbacks of campaign calls (`/twilio/campaigns/status`). */
  mountWebhooks(app: Express): void;
  /** The Twilio voice webhook's hook: the row of a campaign attempt, for an outbound call's session. */
  voiceHooks: { outboundCallerData(key: string): Promise<Record<string, string> | undefined> };
  /** Starts dialing once the runtime listens at `url` (the line simulator calls its voice gateway). */
  start(url: string): void;
  close(): Promise<void>;
}

/**
 * Sets up campaigns for the runtime: the tables in the runtime's database (PostgreSQL with pg-boss for the jobs when
 * the runtime runs on it, else SQLite beside the flow store), the API, the line simulator dialer and the runner. `OMNIFLOW_CAMPAIGN_LEASE_MS` sets how soon another process takes over the calls of a dead one;
 * `OMNIFLOW_SIMULATOR_RING_MS` and `OMNIFLOW_SIMULATOR_SPEED` how long simulated lines ring and how fast calls run.
 */
export async function startCampaigns(deps: CampaignDeps): Promise<Campaigns> {
  const env = deps.env ?? process.env;
  const store: CampaignStore = deps.pool
    ? await PostgresCampaignStore.open(deps.pool)
    : SqliteCampaignStore.open(deps.dataDir);
  let gateway = '';
  let token: Promise<string> | undefined;
  const simulator = new LineSimulator({
    gatewayUrl: () => gateway,
    // One editor token per process for the simulated calls into the gateway, valid a day at a time.
    token: () =>
      (token ??= deps.tokens
        .issue({ role: 'editor', label: 'campaign line simulator', expiresInSeconds: 86_400 })
        .then((issued) => issued.token)),
    // The far end speaks with its own flite/espeak-ng, as a person on another phone would.
    synthesizer: createDefaultVoiceEngines().synthesizer,
    ...(deps.dataDir === ':memory:' ? {} : { logFile: join(deps.dataDir, 'line-simulator.log') }),
    ...(env['OMNIFLOW_SIMULATOR_RING_MS'] ? { ringMs: Number(env['OMNIFLOW_SIMULATOR_RING_MS']) } : {}),
    ...(env['OMNIFLOW_SIMULATOR_SPEED'] ? { speed: Number(env['OMNIFLOW_SIMULATOR_SPEED']) } : {}),
  });
  const dialers: Record<string, Dialer> = { simulator };
  const twilio = twilioDialer(deps);
  if (twilio) dialers['twilio'] = twilio;
  const leaseMs = Number(env['OMNIFLOW_CAMPAIGN_LEASE_MS'] ?? 30_000) || 30_000;
  const runner = new CampaignRunner({
    store,
    dialers,
    logger: deps.logger.child({ part: 'campaigns' }),
    leaseMs,
    optedOut: async (sessionId, optOutKey) => detectOptOut(await deps.flows.getTranscript(sessionId), optOutKey),
  });
  const service = new CampaignService({ store, flows: deps.flows, wake: () => runner.wake() });
  return {
    api: { public: Router(), authenticated: Router().use('/campaigns', campaignsRouter(service, store)) },
    mountWebhooks: twilioStatusRouter({ dialer: () => twilio, store, twilio: deps, logger: deps.logger }),
    voiceHooks: { outboundCallerData: async (key) => (await store.contactOfAttempt(key))?.variables },
    start(url) {
      gateway = `${url.replace(/^http/, 'ws')}/ws/voice`;
      runner.start();
    },
    async close() {
      await runner.stop();
      await store.close();
    },
  };
}

/** The Twilio dialer when its secrets and the public URL are set (Twilio must reach the runtime's webhooks). */
function twilioDialer(deps: CampaignDeps): TwilioDialer | undefined {
  const accountSid = deps.secrets('TWILIO_ACCOUNT_SID');
  const authToken = deps.secrets('TWILIO_AUTH_TOKEN');
  const from = deps.secrets('TWILIO_FROM_NUMBER');
  const publicUrl = deps.config.publicUrl;
  if (!accountSid || !authToken || !from || !publicUrl) return undefined;
  return new TwilioDialer({ accountSid, authToken, from, publicUrl });
}
