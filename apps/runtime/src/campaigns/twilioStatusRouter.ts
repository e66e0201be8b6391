import express, { Router, type Express } from 'express';
import type { Logger } from 'pino';
import { formParams, verifySignature, type TwilioDeps } from '../channels/twilioVoiceRouter.ts';
import { ApiError } from '../http/ApiError.ts';
import type { CampaignStore } from './CampaignStore.ts';
import type { TwilioDialer } from './TwilioDialer.ts';

/**
 * `POST /twilio/campaigns/status?key=…`: Twilio's final status of a campaign call, signature checked. The process
 * that placed the call gets it; when that process is gone, the attempt is recorded here (once: the store ignores a
 * key that already ended).
 */
export function twilioStatusRouter(deps: {
  dialer: () => TwilioDialer | undefined;
  store: CampaignStore;
  twilio: Pick<TwilioDeps, 'secrets' | 'config'>;
  logger: Logger;
}): (app: Express) => void {
  return (app) => {
    const router = Router();
    router.use(express.urlencoded({ extended: false, limit: deps.twilio.config.bodyLimit }));
    router.post('/', async (req, res) => {
      verifySignature(req, deps.twilio);
      const key = req.query['key'];
      if (typeof key !== 'string')
        throw ApiError.badRequest('NO_KEY', 'The status callback URL carries ?key=<attempt key>.', '/key');
      const dialer = deps.dialer();
      const settled = dialer?.settle(key, formParams(req));
      if (settled && !settled.waited) {
        const { outcome } = settled;
        const recorded = await deps.store.finish(
          key,
          { kind: 'call', result: outcome.result, ...(outcome.sessionId ? { sessionId: outcome.sessionId } : {}) },
          Date.now(),
        );
        deps.logger.info({ key, result: outcome.result, recorded }, 'campaign call settled by its status callback');
      }
      res.status(204).end();
    });
    app.use('/twilio/campaigns/status', router);
  };
}
