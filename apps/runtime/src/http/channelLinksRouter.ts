import { Router } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import { publicToken, type TokenService } from '../auth/TokenService.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { ApiError } from './ApiError.ts';
import { pathParam } from './pathParam.ts';
import { validateBody } from './validateBody.ts';

/**
 * Channel tokens of one flow for its publishers (`/api/flows/:id/channel-links`), so the designer can hand out a
 * web chat link or phone set-up without the admin token; a publisher only ever sees and revokes that flow's tokens.
 */
export function channelLinksRouter(store: FlowStore, tokens: TokenService): Router {
  const router = Router();

  router.get('/:id/channel-links', requireRole('publisher'), async (req, res) => {
    const flowId = pathParam(req, 'id');
    res.json({ tokens: (await store.listTokens({ flowId, role: 'channel' })).map(publicToken) });
  });

  router.post('/:id/channel-links', requireRole('publisher'), validateBody('CreateChannelToken'), async (req, res) => {
    const flowId = pathParam(req, 'id');
    if (!(await store.getFlow(flowId))) throw ApiError.notFound('flow', flowId);
    const body: { label?: string } = req.body ?? {};
    const { token, record } = await tokens.issue({ role: 'channel', flowId, label: body.label ?? 'channel' });
    res
      .status(201)
      .json({ token, record: publicToken(record), chatUrl: `/chat/${encodeURIComponent(flowId)}?token=${token}` });
  });

  router.delete('/:id/channel-links/:tokenId', requireRole('publisher'), async (req, res) => {
    const flowId = pathParam(req, 'id');
    const tokenId = pathParam(req, 'tokenId');
    // Only a channel token of this very flow: the route must not become a way to revoke management tokens.
    const owned = (await store.listTokens({ flowId, role: 'channel' })).some((t) => t.id === tokenId);
    if (!owned || !(await tokens.revoke(tokenId))) throw ApiError.notFound('channel token', tokenId);
    res.status(204).end();
  });

  return router;
}
