import { createHash } from 'node:crypto';
import express, { Router, type Express } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import { checkAudioUpload, MAX_PROMPT_AUDIO_BYTES, uploadMediaType } from './checkAudioUpload.ts';
import { PROMPT_AUDIO_PATH, type PromptAudioStore } from './PromptAudioStore.ts';

/**
 * `POST /api/prompt-audio?name=…` (editor): the request body is a WAV or MP3 file; it is checked (415 for another
 * type, 413 above the size limit, 422 when it is not what it claims or cannot be played), stored by its SHA-256 and
 * answered with the path the flow's prompt names it by.
 */
export function promptAudioApi(store: PromptAudioStore): Router {
  const router = Router();
  // Bodies a little over the limit still reach the check, which words the 413; far larger ones stop at express.
  const raw = express.raw({ type: () => true, limit: MAX_PROMPT_AUDIO_BYTES * 2 });
  router.post('/prompt-audio', requireRole('editor'), raw, async (req, res) => {
    const mediaType = uploadMediaType(req.headers['content-type']);
    const body: unknown = req.body;
    const bytes = body instanceof Uint8Array ? new Uint8Array(body) : new Uint8Array();
    const { durationMs } = await checkAudioUpload(bytes, mediaType);
    const id = createHash('sha256').update(bytes).digest('hex');
    const nameParam = req.query['name'];
    const name = typeof nameParam === 'string' && nameParam.trim() !== '' ? nameParam.trim().slice(0, 200) : id;
    const info = await store.put({
      id,
      mediaType,
      name,
      size: bytes.length,
      bytes,
      createdAt: new Date().toISOString(),
    });
    res.status(201).json({ audio: { ...info, durationMs, url: `${PROMPT_AUDIO_PATH}${id}` } });
  });
  return router;
}

/**
 * Serves stored recordings at `/prompt-audio/<id>` without a token: Twilio's `<Play>` and the designer's audio
 * player fetch them there. The id is the content's SHA-256, so a URL always serves the same bytes (cached for good).
 */
export function servePromptAudio(store: PromptAudioStore): (app: Express) => void {
  return (app) => {
    app.get(`${PROMPT_AUDIO_PATH}:id`, async (req, res) => {
      const id = pathParam(req, 'id');
      const audio = /^[0-9a-f]{64}$/.test(id) ? await store.get(id) : undefined;
      if (audio === undefined) throw ApiError.notFound('prompt recording', id);
      res
        .type(audio.mediaType)
        .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        .send(Buffer.from(audio.bytes));
    });
  };
}
