import { Router, type Request } from 'express';
import { requireRole } from '../auth/authenticate.ts';
import type { TokenService } from '../auth/TokenService.ts';
import { ApiError } from '../http/ApiError.ts';
import { pathParam } from '../http/pathParam.ts';
import { validateBody } from '../http/validateBody.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import type { CenterRelay } from './CenterRelay.ts';
import type { AgentDefinition, DeskRole, QueueDefinition } from './contactCenterTypes.ts';
import { isDeskId } from './deskSchemas.ts';
import { hashPassword } from './passwordHash.ts';
import { isKnownTimeZone } from './isQueueOpen.ts';

/** Desk tokens are labelled with the agent they belong to. */
const DESK_LABEL = 'desk:';
const DESK_TOKEN_SECONDS = 12 * 60 * 60;

/** The agent id a desk token belongs to, or `undefined` (an admin token, say). */
export function deskAgentIdOf(label: string): string | undefined {
  return label.startsWith(DESK_LABEL) ? label.slice(DESK_LABEL.length) : undefined;
}

/**
 * The contact-center API: queues and agents (admin), the desk's sign-in and actions (agent), the supervisor's view
 * (supervisor). Routing decisions are the runtime's; the desk only asks.
 */
export function contactCenterRouter(deps: { center: CenterRelay; tokens: TokenService; flows: FlowStore }): {
  public: Router;
  authenticated: Router;
} {
  const { center, tokens } = deps;
  const router = Router();
  const signIn = Router();

  router.get('/queues', requireRole('supervisor'), async (_req, res) => {
    res.json({ queues: await center.call('listQueues') });
  });
  router.put('/queues/:queueId', requireRole('supervisor'), validateBody('PutQueue'), async (req, res) => {
    const queue = queueOf(idParam(req, 'queueId'), req.body);
    const created = await center.call('putQueue', queue);
    res.status(created ? 201 : 200).json({ queue });
  });
  router.delete('/queues/:queueId', requireRole('supervisor'), async (req, res) => {
    await center.call('deleteQueue', idParam(req, 'queueId'));
    res.status(204).end();
  });
  router.get('/agents', requireRole('supervisor'), async (_req, res) => {
    res.json({ agents: await center.call('listAgents') });
  });
  router.put('/agents/:agentId', requireRole('supervisor'), validateBody('PutAgent'), async (req, res) => {
    const body: PutAgentBody = req.body;
    const agent = agentOf(idParam(req, 'agentId'), body);
    const agents = await center.call('listAgents');
    const before = agents.find((other) => other.id === agent.id);
    adminForSupervisors(req, [agent.role, before?.role]);
    const known = new Set((await center.call('listQueues')).map((queue) => queue.id));
    const unknown = agent.queues.filter((queueId) => !known.has(queueId));
    if (unknown.length > 0)
      throw new ApiError(422, {
        code: 'UNKNOWN_QUEUE',
        message: `No queue ${unknown.map((q) => `"${q}"`).join(', ')}; create it first or remove it from the agent.`,
        pointer: '/queues',
      });
    if (!before && body.password === undefined)
      throw ApiError.badRequest(
        'PASSWORD_REQUIRED',
        'A new agent needs a password (8 characters or more).',
        '/password',
      );
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    const created = await center.call('putAgent', agent, passwordHash);
    res.status(created ? 201 : 200).json({ agent });
  });
  router.delete('/agents/:agentId', requireRole('supervisor'), async (req, res) => {
    const agentId = idParam(req, 'agentId');
    adminForSupervisors(req, [(await center.call('listAgents')).find((other) => other.id === agentId)?.role]);
    await center.call('deleteAgent', agentId);
    res.status(204).end();
  });

  signIn.post('/desk/sign-in', validateBody('DeskSignIn'), async (req, res) => {
    const body: { login: string; password: string } = req.body;
    const agent = await center.signIn(body.login, body.password);
    if (!agent)
      throw new ApiError(401, { code: 'SIGN_IN_FAILED', message: 'Unknown login or wrong password.', pointer: '' });
    const { token, record } = await tokens.issue({
      role: agent.role,
      label: `${DESK_LABEL}${agent.id}`,
      expiresInSeconds: DESK_TOKEN_SECONDS,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token, expiresAt: record.expiresAt, agent: { id: agent.id, name: agent.name, role: agent.role } });
  });
  router.get('/desk', requireRole('agent'), async (req, res) => {
    res.json(await center.call('deskSnapshot', agentIdOf(req)));
  });
  router.put('/desk/state', requireRole('agent'), validateBody('DeskState'), async (req, res) => {
    const body: { state: 'offline' | 'available' | 'break'; reason?: string } = req.body;
    res.json({ agent: await center.call('setState', agentIdOf(req), body.state, body.reason) });
  });
  router.post('/desk/offers/:contactId/accept', requireRole('agent'), async (req, res) => {
    res.json({ contact: await center.call('accept', agentIdOf(req), pathParam(req, 'contactId')) });
  });
  router.post('/desk/offers/:contactId/decline', requireRole('agent'), async (req, res) => {
    await center.call('decline', agentIdOf(req), pathParam(req, 'contactId'));
    res.status(204).end();
  });
  router.get('/desk/contacts/:contactId', requireRole('agent'), async (req, res) => {
    res.json({ contact: await center.call('openContact', agentIdOf(req), pathParam(req, 'contactId')) });
  });
  router.post(
    '/desk/contacts/:contactId/messages',
    requireRole('agent'),
    validateBody('DeskMessage'),
    async (req, res) => {
      const body: { id: string; text: string } = req.body;
      const message = await center.call(
        'agentMessage',
        agentIdOf(req),
        pathParam(req, 'contactId'),
        body.id,
        body.text,
      );
      res.status(201).json({ message });
    },
  );
  router.post('/desk/contacts/:contactId/end', requireRole('agent'), async (req, res) => {
    await center.call('endChat', agentIdOf(req), pathParam(req, 'contactId'));
    res.status(204).end();
  });
  router.post(
    '/desk/contacts/:contactId/wrap-up',
    requireRole('agent'),
    validateBody('DeskWrapUp'),
    async (req, res) => {
      const body: { disposition: string; notes?: string } = req.body;
      await center.call('wrapUp', agentIdOf(req), pathParam(req, 'contactId'), {
        disposition: body.disposition,
        notes: body.notes ?? '',
      });
      res.status(204).end();
    },
  );
  router.post(
    '/desk/contacts/:contactId/transfer',
    requireRole('agent'),
    validateBody('DeskTransfer'),
    async (req, res) => {
      const body: { queueId?: string; agentId?: string; note?: string } = req.body;
      await center.call('transfer', agentIdOf(req), pathParam(req, 'contactId'), body);
      res.status(204).end();
    },
  );
  router.post(
    '/desk/contacts/:contactId/flow',
    requireRole('agent'),
    validateBody('DeskSendToFlow'),
    async (req, res) => {
      const body: { flowId: string; nodeId?: string } = req.body;
      await center.call('sendToFlow', agentIdOf(req), pathParam(req, 'contactId'), body.flowId, body.nodeId);
      res.status(204).end();
    },
  );
  router.get('/desk/flows', requireRole('agent'), async (_req, res) => {
    const flows = await deps.flows.listFlows();
    const live = flows.flatMap((f) => (f.liveVersion === null ? [] : [{ ...f, liveVersion: f.liveVersion }]));
    // Each flow with the nodes of its live version: the desk may send the customer to any of them.
    res.json({
      flows: await Promise.all(
        live.map(async (f) => ({ id: f.id, name: f.name, nodes: await center.call('flowNodes', f.id, f.liveVersion) })),
      ),
    });
  });
  router.get('/desk/supervisor', requireRole('supervisor'), async (_req, res) => {
    res.json(await center.call('overview'));
  });
  router.post(
    '/desk/waiting/:contactId/move',
    requireRole('supervisor'),
    validateBody('DeskMove'),
    async (req, res) => {
      const body: { queueId: string } = req.body;
      await center.call('move', pathParam(req, 'contactId'), body.queueId);
      res.status(204).end();
    },
  );
  router.get('/desk/audit', requireRole('supervisor'), async (req, res) => {
    const contactId = typeof req.query['contactId'] === 'string' ? req.query['contactId'] : undefined;
    res.json({ entries: await center.call('auditLog', contactId) });
  });
  return { public: signIn, authenticated: router };
}

/** The agent behind a desk token; an admin token has none (it may read, but not take contacts). */
export function agentIdOf(req: Request): string {
  const principal = req.principal;
  const agentId = principal?.kind === 'role' ? deskAgentIdOf(principal.label) : undefined;
  if (!agentId)
    throw new ApiError(409, {
      code: 'NOT_AN_AGENT',
      message: 'This token belongs to no agent; sign in to the desk (POST /api/desk/sign-in).',
      pointer: '',
    });
  return agentId;
}

/**
 * Supervisors manage their queues and agents from the desk; creating, changing or deleting a supervisor takes an
 * administrator (a supervisor cannot raise anyone to their own rank).
 */
function adminForSupervisors(req: Request, roles: (DeskRole | undefined)[]): void {
  const principal = req.principal;
  if (principal?.kind === 'role' && principal.role === 'admin') return;
  if (roles.includes('supervisor'))
    throw new ApiError(403, {
      code: 'ADMIN_ONLY',
      message: 'Only an administrator may create, change or delete a supervisor; ask one, or keep the role "agent".',
      pointer: '/role',
    });
}

function idParam(req: Request, name: string): string {
  const id = pathParam(req, name);
  if (!isDeskId(id))
    throw ApiError.badRequest('BAD_ID', `"${id}" is not a valid id: letters, digits, ".", "_" and "-", up to 64.`);
  return id;
}

interface PutAgentBody {
  name: string;
  login: string;
  password?: string;
  role?: DeskRole;
  skills?: { skill: string; level: number }[];
  languages?: string[];
  maxChats?: number;
  queues?: string[];
  phone?: string;
}

function agentOf(id: string, body: PutAgentBody): AgentDefinition {
  return {
    id,
    name: body.name,
    login: body.login,
    role: body.role ?? 'agent',
    skills: body.skills ?? [],
    languages: body.languages ?? ['en'],
    maxChats: body.maxChats ?? 3,
    queues: body.queues ?? [],
    ...(body.phone === undefined ? {} : { phone: body.phone }),
  };
}

function queueOf(
  id: string,
  body: Omit<Partial<QueueDefinition>, 'skills'> & { name: string; skills?: { skill: string; minLevel?: number }[] },
): QueueDefinition {
  if (body.hours && !isKnownTimeZone(body.hours.timeZone))
    throw new ApiError(422, {
      code: 'UNKNOWN_TIME_ZONE',
      message: `"${body.hours.timeZone}" is not an IANA time zone; use one such as "Asia/Seoul".`,
      pointer: '/hours/timeZone',
    });
  if (body.overflow?.kind === 'queue' && body.overflow.queueId === id)
    throw new ApiError(422, {
      code: 'OVERFLOW_TO_ITSELF',
      message: 'A queue cannot overflow to itself; pick another queue.',
      pointer: '/overflow/queueId',
    });
  return {
    id,
    name: body.name,
    skills: (body.skills ?? []).map((s) => ({ skill: s.skill, minLevel: s.minLevel ?? 1 })),
    priority: body.priority ?? 5,
    ...(body.hours ? { hours: body.hours } : {}),
    maxWaitSeconds: body.maxWaitSeconds ?? 900,
    ...(body.overflow ? { overflow: body.overflow } : {}),
    offerTimeoutSeconds: body.offerTimeoutSeconds ?? 15,
    afterCallWorkSeconds: body.afterCallWorkSeconds ?? 30,
    dispositions: body.dispositions ?? ['resolved', 'follow-up', 'escalated'],
    ...(body.holdPromptSeconds === undefined ? {} : { holdPromptSeconds: body.holdPromptSeconds }),
    ...(body.callbackKey === undefined ? {} : { callbackKey: body.callbackKey }),
  };
}
