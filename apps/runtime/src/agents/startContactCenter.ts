import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response, type Router } from 'express';
import type { TranscriptRedactor } from '@omniflow/flow-engine';
import type { Logger } from 'pino';
import type { TokenService } from '../auth/TokenService.ts';
import type { RuntimeMetrics } from '../observability/RuntimeMetrics.ts';
import type { SessionService } from '../sessions/SessionService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import type { PostgresListener } from '../store/PostgresListener.ts';
import { AgentStore } from './AgentStore.ts';
import { attachDeskSocket } from './attachDeskSocket.ts';
import { CenterLeadership } from './CenterLeadership.ts';
import { CenterRelay } from './CenterRelay.ts';
import { ContactCenter } from './ContactCenter.ts';
import { LocalCenterEvents, type ContactCenterEvents } from './ContactCenterEvents.ts';
import { ContactCenterMetrics } from './ContactCenterMetrics.ts';
import { contactCenterRouter } from './contactCenterRouter.ts';
import { LiveChat } from './LiveChat.ts';
import { PostgresCenterEvents } from './PostgresCenterEvents.ts';
import { seedContactCenter } from './seedContactCenter.ts';
import { TwilioLegControl } from './voice/TwilioLegControl.ts';
import { twilioDeskRouter } from './voice/twilioDeskRouter.ts';
import { VoiceLegStore } from './voice/VoiceLegStore.ts';
import { VoiceQueue } from './voice/VoiceQueue.ts';
import { StreamQueueCall } from './voice/StreamQueueCall.ts';
import { attachDeskAudio } from './voice/attachDeskAudio.ts';
import type { CallStream } from '../voice/CallStream.ts';
import type { Recognizer } from '../voice/Recognizer.ts';
import type { Synthesizer } from '../voice/Synthesizer.ts';
import type { VoiceHandover } from '../voice/VoiceCall.ts';

const DEFAULT_DESK_DIR = fileURLToPath(new URL('../../../desk/dist', import.meta.url));

/** The contact center wired into a runtime: its API router, the desk pages, the sockets, and how to stop it. */
export interface RunningContactCenter {
  /** The contact center's operations, run where it is routed (this process or the leader). */
  center: CenterRelay;
  /** The live-event bus: other parts publish to browsers through it (across processes on PostgreSQL). */
  events: ContactCenterEvents;
  liveChat: LiveChat;
  /** Voice callers waiting for an agent (Twilio and media streams). */
  voiceQueue: VoiceQueue;
  /** The desk's control of Twilio calls (conference bridge, hold, mute, hang-up, callbacks). */
  twilioLegs: TwilioLegControl;
  /** The voice gateway's hand-over: a media-stream call that ends in a transfer waits here and talks to the desk. */
  onVoiceTransfer: (
    handover: VoiceHandover,
    stream: CallStream,
    engines: { recognizer: Recognizer; synthesizer: Synthesizer },
  ) => boolean;
  /** This process listens at `url` (other processes reach it there: `OMNIFLOW_PEER_URL` when set, else `url`). */
  serveAt(url: string): void;
  /** Mounted under `/api`: the sign-in before the token check, the rest after it. */
  api: { public: Router; authenticated: Router };
  /** Serves the built desk at `/desk`. */
  deskPages: (app: Express) => void;
  attach(server: Server): { close(): void };
  close(): Promise<void>;
}

/**
 * Opens the contact center beside the flow store (issue 16): queues, agents, routing, live chat and the desk. With
 * `seedDemo`, an empty center gets the example queue and agents documented in the README. On SQLite this process
 * routes; on PostgreSQL (with `listener` and `databaseUrl`) events cross processes through LISTEN/NOTIFY and the
 * process holding the routing lock routes, the others relaying their calls to it.
 */
export async function startContactCenter(deps: {
  store: FlowStore;
  tokens: TokenService;
  sessions: SessionService;
  logger: Logger;
  metrics: RuntimeMetrics;
  redact: TranscriptRedactor | undefined;
  seedDemo: boolean;
  deskDir?: string;
  listener?: PostgresListener;
  databaseUrl?: string;
  /** The base URL other runtime processes reach this one at (`OMNIFLOW_PEER_URL`); the listening URL by default. */
  peerUrl?: string;
  /** Runtime secrets: `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_FROM_NUMBER` give the desk Twilio's REST API. */
  secrets?: (name: string) => string | undefined;
  /** The public base URL Twilio reaches the runtime at (hold audio, callback status). */
  publicUrl?: string;
}): Promise<RunningContactCenter> {
  const peerUrl = deps.peerUrl?.replace(/\/$/, '');
  const agentStore = AgentStore.beside(deps.store);
  if (deps.seedDemo) await seedContactCenter(agentStore, deps.logger);
  const metrics = new ContactCenterMetrics(deps.metrics.registry);
  const scaleOut =
    deps.store instanceof PostgresFlowStore && deps.listener && deps.databaseUrl
      ? { pool: deps.store.pool, listener: deps.listener, url: deps.databaseUrl }
      : undefined;
  const bus = scaleOut ? await PostgresCenterEvents.start(scaleOut.pool, scaleOut.listener, deps.logger) : undefined;
  const events: ContactCenterEvents = bus ?? new LocalCenterEvents();
  const center = new CenterRelay({ events, store: agentStore, logger: deps.logger });
  // The routing process takes up the stored hand-overs: waiting contacts queue again, chats stay with their agent.
  const open = (): Promise<ContactCenter> =>
    ContactCenter.open({
      store: agentStore,
      flows: deps.store,
      events,
      logger: deps.logger,
      ...(deps.redact ? { redact: deps.redact } : {}),
      metrics,
      takeUp: true,
    });
  let leadership: CenterLeadership | undefined;
  if (scaleOut)
    leadership = await CenterLeadership.start({
      url: scaleOut.url,
      logger: deps.logger,
      onLead: async () => {
        const opening = open();
        center.lead(opening);
        await opening;
      },
      onLose: () => {
        void center.follow()?.then(
          (routed) => routed.close(),
          () => undefined,
        );
      },
    });
  else {
    center.lead(open());
    await center.local;
  }
  const liveChat = new LiveChat({ center, events, sessions: deps.sessions, logger: deps.logger });
  const deskDir = deps.deskDir ?? DEFAULT_DESK_DIR;
  // Voice calls wait where the center routes; the caller's stream stays on the process it reached (see the README).
  const voiceQueue = new VoiceQueue({ center, legs: VoiceLegStore.beside(deps.store) });
  const voiceCalls = new Map<string, StreamQueueCall>();
  let self: string | undefined;
  const twilioLegs = new TwilioLegControl({
    secrets: deps.secrets ?? (() => undefined),
    publicUrl: deps.publicUrl,
    legs: voiceQueue.legs,
    center,
    logger: deps.logger,
  });
  const api = contactCenterRouter({ center, tokens: deps.tokens, flows: deps.store });
  api.authenticated.use(twilioDeskRouter(twilioLegs));
  return {
    center,
    events,
    liveChat,
    voiceQueue,
    twilioLegs,
    onVoiceTransfer(handover, stream, engines) {
      if (handover.transfer.queue === undefined && handover.transfer.agent === undefined) return false;
      const contact = { id: handover.sessionId, flowId: handover.flowId, locale: handover.locale };
      const leg = {
        ...(self === undefined ? {} : { holder: self }),
        ...(handover.callerNumber === undefined ? {} : { callerNumber: handover.callerNumber }),
      };
      const call = new StreamQueueCall(
        handover,
        stream,
        {
          queue: voiceQueue,
          center,
          events,
          sessions: deps.sessions,
          engines,
          logger: deps.logger,
          onFinish: (done) => voiceCalls.delete(done.contactId),
        },
        voiceQueue.enter(contact, handover.transfer, 'browser', leg),
      );
      voiceCalls.set(contact.id, call);
      return true;
    },
    serveAt(url) {
      self = peerUrl ?? url;
    },
    api,
    deskPages(app) {
      const built = existsSync(`${deskDir}/index.html`);
      if (built) app.use('/desk', express.static(deskDir, { index: false }));
      const page = (_req: Request, res: Response): void => {
        if (built) return res.sendFile(`${deskDir}/index.html`);
        res.type('text/plain').send('The agent desk is not built (pnpm --filter @omniflow/desk build).\n');
      };
      app.get('/desk', page);
      app.get('/desk/{*path}', page);
    },
    attach(server) {
      const desk = attachDeskSocket(server, { center, events, tokens: deps.tokens, logger: deps.logger });
      const audio = attachDeskAudio(server, {
        calls: voiceCalls,
        legs: voiceQueue.legs,
        self: () => self,
        tokens: deps.tokens,
        logger: deps.logger,
      });
      return {
        close() {
          desk.close();
          audio.close();
        },
      };
    },
    async close() {
      liveChat.close();
      await leadership?.close();
      const routed = center.follow();
      center.close();
      (await routed)?.close();
      await bus?.close();
    },
  };
}
