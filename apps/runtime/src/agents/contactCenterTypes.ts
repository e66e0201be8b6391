/** What an agent is doing; `busy` is taken when every chat slot is used, `afterCallWork` after a contact ends. */
export type AgentStateName = 'offline' | 'available' | 'busy' | 'afterCallWork' | 'break';

/** The states an agent may choose in the desk (the others follow from the work). */
export const CHOOSABLE_STATES = ['offline', 'available', 'break'] as const;

/** Opening hours of a queue in its own time zone; a day absent from `days` is closed. */
export interface BusinessHours {
  /** IANA time zone, e.g. `Asia/Seoul`. */
  timeZone: string;
  days: { day: Weekday; open: string; close: string }[];
}

/** Days as `Intl` names them (en-US, short). */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** Where a contact goes when its queue is closed or it waited longer than the queue's maximum. */
export type OverflowTarget =
  { kind: 'queue'; queueId: string } | { kind: 'flow'; flowId: string } | { kind: 'callback' } | { kind: 'voicemail' };

/** A skill a queue requires, with the lowest level that qualifies. */
export interface SkillRequirement {
  skill: string;
  minLevel: number;
}

/** A queue as configured by an administrator. */
export interface QueueDefinition {
  id: string;
  name: string;
  skills: SkillRequirement[];
  /** 1 (lowest) … 10; contacts of a higher-priority queue are offered first. */
  priority: number;
  /** Absent: always open. */
  hours?: BusinessHours;
  maxWaitSeconds: number;
  overflow?: OverflowTarget;
  /** How long an offer rings before it moves on (15 s by default). */
  offerTimeoutSeconds: number;
  afterCallWorkSeconds: number;
  /** Disposition codes an agent picks at wrap-up. */
  dispositions: string[];
  /** Voice callers hear their place this often (a `queue` node's own setting wins); 30 s by default. */
  holdPromptSeconds?: number;
  /** The key a waiting voice caller presses to be called back (keeping their place); `none` offers no callback; `1` by default. */
  callbackKey?: string;
}

/** A skill an agent has, level 1 (novice) … 5 (expert). */
export interface AgentSkill {
  skill: string;
  level: number;
}

/** The desk roles: supervisors are agents who also see the queues live. */
export type DeskRole = 'agent' | 'supervisor';

/** An agent as configured by an administrator (the password hash is kept apart). */
export interface AgentDefinition {
  id: string;
  name: string;
  login: string;
  role: DeskRole;
  skills: AgentSkill[];
  /** Languages the agent serves, as locale tags or their language part (`en`, `zh-CN`, `ko`). */
  languages: string[];
  maxChats: number;
  /** The queues whose contacts this agent takes and may see. */
  queues: string[];
  /** Where a Twilio voice call is bridged when this agent answers it: an E.164 number or a `sip:` address. */
  phone?: string;
}
