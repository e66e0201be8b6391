import type { Logger } from 'pino';
import type { AgentStore } from './AgentStore.ts';
import type { AgentDefinition, QueueDefinition } from './contactCenterTypes.ts';
import { hashPassword } from './passwordHash.ts';

/** The demo desk sign-ins of `./omniflow start` (README: "Run a contact center in five minutes"). */
export const DEMO_AGENTS: { agent: AgentDefinition; password: string }[] = [
  {
    agent: {
      id: 'ana',
      name: 'Ana Agent',
      login: 'ana',
      role: 'agent',
      skills: [
        { skill: 'banking', level: 4 },
        { skill: 'cards', level: 3 },
      ],
      languages: ['en', 'zh-CN', 'ko'],
      maxChats: 3,
      queues: ['general-banking', 'card-services'],
    },
    password: 'ana-demo-desk',
  },
  {
    agent: {
      id: 'sam',
      name: 'Sam Supervisor',
      login: 'sam',
      role: 'supervisor',
      skills: [{ skill: 'banking', level: 5 }],
      languages: ['en'],
      maxChats: 2,
      queues: ['general-banking', 'card-services'],
    },
    password: 'sam-demo-desk',
  },
];

const QUEUES: QueueDefinition[] = [
  {
    id: 'general-banking',
    name: 'General banking',
    skills: [{ skill: 'banking', minLevel: 1 }],
    priority: 5,
    maxWaitSeconds: 900,
    offerTimeoutSeconds: 15,
    afterCallWorkSeconds: 30,
    dispositions: ['resolved', 'follow-up', 'escalated'],
  },
  {
    id: 'card-services',
    name: 'Card services',
    skills: [{ skill: 'cards', minLevel: 2 }],
    priority: 6,
    maxWaitSeconds: 900,
    overflow: { kind: 'queue', queueId: 'general-banking' },
    offerTimeoutSeconds: 15,
    afterCallWorkSeconds: 30,
    dispositions: ['card activated', 'card blocked', 'follow-up'],
  },
];

/** Seeds the example queues and demo agents into an empty contact center (a data dir's first demo start). */
export async function seedContactCenter(store: AgentStore, logger: Logger): Promise<void> {
  if ((await store.listQueues()).length > 0 || (await store.listAgents()).length > 0) return;
  for (const queue of QUEUES) await store.putQueue(queue);
  for (const { agent, password } of DEMO_AGENTS) await store.putAgent(agent, await hashPassword(password));
  logger.info(
    { queues: QUEUES.map((q) => q.id), agents: DEMO_AGENTS.map((a) => a.agent.login) },
    'demo contact center seeded',
  );
}
