import { Router } from 'express';
import { requireRole } from '../../auth/authenticate.ts';
import { pathParam } from '../../http/pathParam.ts';
import { validateBody } from '../../http/validateBody.ts';
import { agentIdOf } from '../contactCenterRouter.ts';
import type { TwilioLegAction, TwilioLegControl } from './TwilioLegControl.ts';

/** The desk's Twilio leg controls and its "Call back" (mounted under `/api`, after the token check). */
export function twilioDeskRouter(legs: TwilioLegControl): Router {
  const router = Router();
  router.post(
    '/desk/contacts/:contactId/voice',
    requireRole('agent'),
    validateBody('DeskVoiceControl'),
    async (req, res) => {
      const action: TwilioLegAction = req.body;
      res.json({ leg: await legs.control(agentIdOf(req), pathParam(req, 'contactId'), action) });
    },
  );
  router.post('/desk/contacts/:contactId/callback', requireRole('agent'), async (req, res) => {
    res.json(await legs.callBack(agentIdOf(req), pathParam(req, 'contactId')));
  });
  return router;
}
