import { readFileSync } from 'node:fs';
import { Router, type Express } from 'express';
import { assertChannelAccess, authenticate } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/TokenService.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import type { FlowStore } from '../store/FlowStore.ts';

const ASSETS: Record<string, { type: string; body: string }> = {
  'chat.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./webchat/chat.js', import.meta.url), 'utf8'),
  },
  'embed.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./webchat/embed.js', import.meta.url), 'utf8'),
  },
  'chat.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./webchat/chat.css', import.meta.url), 'utf8'),
  },
};
const PAGE = readFileSync(new URL('./webchat/chat.html', import.meta.url), 'utf8');
// Strict: only our own script, style and socket; the page may be framed (embedded) by any site.
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/** The embeddable web chat: `/chat/:flowId?token=<channel token>` (page), its assets, and its flow config. */
export function webChatRouter(deps: { store: FlowStore; tokens: TokenService }): (app: Express) => void {
  return (app) => {
    const router = Router();
    router.get('/chat-assets/:file', (req, res) => {
      const asset = ASSETS[pathParam(req, 'file')];
      if (!asset) throw ApiError.notFound('asset', pathParam(req, 'file'));
      res.type(asset.type).setHeader('Cache-Control', 'public, max-age=300').send(asset.body);
    });
    router.get('/chat/:flowId/config', authenticate(deps.tokens), async (req, res) => {
      const flowId = pathParam(req, 'flowId');
      assertChannelAccess(req, flowId);
      const flow = await deps.store.getFlow(flowId);
      if (!flow || flow.liveVersion === null) throw ApiError.notFound('published flow', flowId);
      const version = await deps.store.getVersion(flowId, flow.liveVersion);
      const document = version?.document ?? {};
      const locales = Array.isArray(document['locales'])
        ? document['locales'].filter((l): l is string => typeof l === 'string')
        : [];
      res.json({
        flowId,
        name: flow.name,
        locales,
        defaultLocale: typeof document['defaultLocale'] === 'string' ? document['defaultLocale'] : locales[0],
      });
    });
    router.get('/chat/:flowId', (_req, res) => {
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      res.removeHeader('X-Frame-Options');
      res.type('html').send(PAGE);
    });
    app.use(router);
  };
}
