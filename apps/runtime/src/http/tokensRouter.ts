import { Router } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import { publicToken, type TokenService } from '../auth/TokenService.ts';
import type { FlowStore, Role } from '../store/FlowStore.ts';
import { ApiError } from './ApiError.ts';
import { pathParam } from './pathParam.ts';
import { validateBody } from './validateBody.ts';

/** Admin API for management tokens (`/api/tokens`) and per-flow public channel tokens (`/api/flows/:id/channel-tokens`). */
export function tokensRouter(store: FlowStore, tokens: TokenService): Router {
  const router = Router();

  router.get('/tokens', requireRole('admin'), async (_req, res) => {
    const all = await store.listTokens({});
    res.json({ tokens: all.filter((t) => t.role !== 'channel').map(publicToken) });
  });

  router.post('/tokens', requireRole('admin'), validateBody('CreateToken'), async (req, res) => {
    const body: { role: Role; label?: string; expiresInSeconds?: number } = req.body;
    const { token, record } = await tokens.issue(body);
    res.status(201).json({ token, record: publicToken(record) });
  });

  router.delete('/tokens/:tokenId', requireRole('admin'), async (req, res) => {
    const id = pathParam(req, 'tokenId');
    if (!(await tokens.revoke(id))) throw ApiError.notFound('token', id);
    res.status(204).end();
  });

  router.get('/flows/:id/channel-tokens', requireRole('admin'), async (req, res) => {
    const flowId = pathParam(req, 'id');
    res.json({ tokens: (await store.listTokens({ flowId, role: 'channel' })).map(publicToken) });
  });

  router.post(
    '/flows/:id/channel-tokens',
    requireRole('admin'),
    validateBody('CreateChannelToken'),
    async (req, res) => {
      const flowId = pathParam(req, 'id');
      if (!(await store.getFlow(flowId))) throw ApiError.notFound('flow', flowId);
      const body: { label?: string } = req.body ?? {};
      const { token, record } = await tokens.issue({ role: 'channel', flowId, label: body.label ?? 'channel' });
      res
        .status(201)
        .json({ token, record: publicToken(record), chatUrl: `/chat/${encodeURIComponent(flowId)}?token=${token}` });
    },
  );

  return router;
}
