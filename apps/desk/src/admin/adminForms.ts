import type { AdminMessageKey } from '../i18n/adminMessages.ts';

/** A queue as the runtime stores it (`GET /api/queues`). */
export interface QueueRecord {
  id: string;
  name: string;
  skills: { skill: string; minLevel: number }[];
  priority: number;
  hours?: { timeZone: string; days: { day: Weekday; open: string; close: string }[] };
  maxWaitSeconds: number;
  overflow?: Overflow;
  offerTimeoutSeconds: number;
  afterCallWorkSeconds: number;
  dispositions: string[];
  /** Seconds between a waiting voice caller's place announcements (the runtime's default when absent). */
  holdPromptSeconds?: number;
  /** The key a waiting voice caller presses for a callback, or `none`. */
  callbackKey?: string;
}

/** An agent as the runtime lists it (`GET /api/agents`), with its live state. */
export interface AgentRecord {
  id: string;
  name: string;
  login: string;
  role: 'agent' | 'supervisor';
  skills: { skill: string; level: number }[];
  languages: string[];
  maxChats: number;
  queues: string[];
  /** Where a voice call is bridged on Twilio: an E.164 number or a SIP address. */
  phone?: string;
  state?: string;
}

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';
export const WEEKDAYS: readonly Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
type Overflow =
  { kind: 'queue'; queueId: string } | { kind: 'flow'; flowId: string } | { kind: 'callback' | 'voicemail' };
export type OverflowKind = 'none' | Overflow['kind'];

/** A skill row of a form: a name and a level 1–5 (a queue's minimum, an agent's own). */
export interface SkillRow {
  skill: string;
  level: number;
}

/** The queue form as typed (numbers as text until checked). */
export interface QueueForm {
  id: string;
  name: string;
  skills: SkillRow[];
  priority: string;
  alwaysOpen: boolean;
  timeZone: string;
  days: Record<Weekday, { open: boolean; from: string; to: string }>;
  maxWaitSeconds: string;
  overflow: OverflowKind;
  overflowQueue: string;
  overflowFlow: string;
  offerTimeoutSeconds: string;
  afterCallWorkSeconds: string;
  dispositions: string;
  /** Empty: the runtime's default. */
  holdPromptSeconds: string;
  /** Empty: the runtime's default key; `none`: no callbacks. */
  callbackKey: string;
}

/** The agent form as typed. */
export interface AgentForm {
  id: string;
  name: string;
  login: string;
  password: string;
  role: 'agent' | 'supervisor';
  skills: SkillRow[];
  languages: string;
  maxChats: string;
  queues: string[];
  /** Empty: voice calls are talked on from the desk only. */
  phone: string;
}

/** A problem with one field, in words the page translates. */
export interface FormProblem {
  field: string;
  key: AdminMessageKey;
  params?: Record<string, string | number>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const CALLBACK_KEY = /^([0-9*#]|none)$/;
const PHONE = /^(\+[1-9][0-9]{6,14}|sips?:[^\s<>"]{3,200})$/;

/** An empty queue form, or one filled from a stored queue. */
export function queueForm(queue?: QueueRecord): QueueForm {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const open = queue?.hours?.days.find((d) => d.day === day);
      return [
        day,
        {
          open: queue?.hours ? open !== undefined : day !== 'Sat' && day !== 'Sun',
          from: open?.open ?? '09:00',
          to: open?.close ?? '18:00',
        },
      ];
    }),
  ) as QueueForm['days'];
  const overflow = queue?.overflow;
  return {
    id: queue?.id ?? '',
    name: queue?.name ?? '',
    skills: queue?.skills.map((s) => ({ skill: s.skill, level: s.minLevel })) ?? [],
    priority: String(queue?.priority ?? 5),
    alwaysOpen: queue ? !queue.hours : true,
    timeZone: queue?.hours?.timeZone ?? 'Asia/Seoul',
    days,
    maxWaitSeconds: String(queue?.maxWaitSeconds ?? 900),
    overflow: overflow?.kind ?? 'none',
    overflowQueue: overflow?.kind === 'queue' ? overflow.queueId : '',
    overflowFlow: overflow?.kind === 'flow' ? overflow.flowId : '',
    offerTimeoutSeconds: String(queue?.offerTimeoutSeconds ?? 15),
    afterCallWorkSeconds: String(queue?.afterCallWorkSeconds ?? 30),
    dispositions: (queue?.dispositions ?? ['resolved', 'follow-up', 'escalated']).join(', '),
    holdPromptSeconds: queue?.holdPromptSeconds === undefined ? '' : String(queue.holdPromptSeconds),
    callbackKey: queue?.callbackKey ?? '',
  };
}

/** An empty agent form, or one filled from a stored agent (the password stays empty: kept unless typed). */
export function agentForm(agent?: AgentRecord): AgentForm {
  return {
    id: agent?.id ?? '',
    name: agent?.name ?? '',
    login: agent?.login ?? '',
    password: '',
    role: agent?.role ?? 'agent',
    skills: agent?.skills.map((s) => ({ skill: s.skill, level: s.level })) ?? [],
    languages: (agent?.languages ?? ['en']).join(', '),
    maxChats: String(agent?.maxChats ?? 3),
    queues: agent?.queues ?? [],
    phone: agent?.phone ?? '',
  };
}

/** Checks a queue form; answers its problems, or the `PUT /api/queues/{id}` body when there are none. */
export function checkQueueForm(form: QueueForm): { problems: FormProblem[]; body?: Record<string, unknown> } {
  const problems: FormProblem[] = [];
  checkId(form.id, problems);
  if (form.name.trim() === '') problems.push({ field: 'name', key: 'problem.nameRequired' });
  checkSkills(form.skills, problems);
  const priority = whole(form.priority, 'priority', 1, 10, problems);
  const maxWaitSeconds = whole(form.maxWaitSeconds, 'maxWaitSeconds', 10, 86_400, problems);
  const offerTimeoutSeconds = whole(form.offerTimeoutSeconds, 'offerTimeoutSeconds', 5, 120, problems);
  const afterCallWorkSeconds = whole(form.afterCallWorkSeconds, 'afterCallWorkSeconds', 0, 3600, problems);
  const days = WEEKDAYS.filter((day) => form.days[day].open).map((day) => ({
    day,
    open: form.days[day].from,
    close: form.days[day].to,
  }));
  if (!form.alwaysOpen) {
    if (!isTimeZone(form.timeZone)) problems.push({ field: 'timeZone', key: 'problem.timeZone' });
    if (days.length === 0) problems.push({ field: 'hours', key: 'problem.noOpenDay' });
    for (const d of days)
      if (!(d.open < d.close))
        problems.push({ field: `hours.${d.day}`, key: 'problem.closesBeforeOpening', params: { day: d.day } });
  }
  let overflow: Overflow | undefined;
  if (form.overflow === 'queue') {
    if (form.overflowQueue === '') problems.push({ field: 'overflow', key: 'problem.overflowQueue' });
    else if (form.overflowQueue === form.id) problems.push({ field: 'overflow', key: 'problem.overflowItself' });
    overflow = { kind: 'queue', queueId: form.overflowQueue };
  } else if (form.overflow === 'flow') {
    if (form.overflowFlow.trim() === '') problems.push({ field: 'overflow', key: 'problem.overflowFlow' });
    overflow = { kind: 'flow', flowId: form.overflowFlow.trim() };
  } else if (form.overflow !== 'none') overflow = { kind: form.overflow };
  const dispositions = list(form.dispositions);
  if (dispositions.length === 0) problems.push({ field: 'dispositions', key: 'problem.noDisposition' });
  const holdPromptSeconds =
    form.holdPromptSeconds.trim() === ''
      ? undefined
      : whole(form.holdPromptSeconds, 'holdPromptSeconds', 10, 600, problems);
  const callbackKey = form.callbackKey.trim();
  if (callbackKey !== '' && !CALLBACK_KEY.test(callbackKey))
    problems.push({ field: 'callbackKey', key: 'problem.callbackKey' });
  if (problems.length > 0) return { problems };
  return {
    problems,
    body: {
      name: form.name.trim(),
      skills: form.skills.map((s) => ({ skill: s.skill.trim(), minLevel: s.level })),
      priority,
      ...(form.alwaysOpen ? {} : { hours: { timeZone: form.timeZone.trim(), days } }),
      maxWaitSeconds,
      ...(overflow ? { overflow } : {}),
      offerTimeoutSeconds,
      afterCallWorkSeconds,
      dispositions,
      ...(holdPromptSeconds === undefined ? {} : { holdPromptSeconds }),
      ...(callbackKey === '' ? {} : { callbackKey }),
    },
  };
}

/** Checks an agent form (`isNew`: a password is required); answers its problems or the `PUT /api/agents/{id}` body. */
export function checkAgentForm(
  form: AgentForm,
  isNew: boolean,
): { problems: FormProblem[]; body?: Record<string, unknown> } {
  const problems: FormProblem[] = [];
  checkId(form.id, problems);
  if (form.name.trim() === '') problems.push({ field: 'name', key: 'problem.nameRequired' });
  if (!ID.test(form.login)) problems.push({ field: 'login', key: 'problem.login' });
  if (isNew && form.password === '') problems.push({ field: 'password', key: 'problem.passwordRequired' });
  else if (form.password !== '' && form.password.length < 8)
    problems.push({ field: 'password', key: 'problem.passwordShort' });
  checkSkills(form.skills, problems);
  const languages = list(form.languages);
  if (languages.length === 0) problems.push({ field: 'languages', key: 'problem.noLanguage' });
  for (const language of languages)
    if (!LOCALE.test(language)) problems.push({ field: 'languages', key: 'problem.language', params: { language } });
  const maxChats = whole(form.maxChats, 'maxChats', 1, 10, problems);
  if (form.queues.length === 0) problems.push({ field: 'queues', key: 'problem.noQueue' });
  const phone = form.phone.replace(/[\s()-]/g, '');
  if (phone !== '' && !PHONE.test(phone)) problems.push({ field: 'phone', key: 'problem.phone' });
  if (problems.length > 0) return { problems };
  return {
    problems,
    body: {
      name: form.name.trim(),
      login: form.login,
      ...(form.password === '' ? {} : { password: form.password }),
      role: form.role,
      skills: form.skills.map((s) => ({ skill: s.skill.trim(), level: s.level })),
      languages,
      maxChats,
      queues: form.queues,
      ...(phone === '' ? {} : { phone }),
    },
  };
}

/** The form field a runtime error points at (`/hours/timeZone` → `timeZone`), for errors the page did not foresee. */
export function fieldOfPointer(pointer: string): string {
  const parts = pointer.split('/').filter((part) => part !== '');
  if (parts[0] === 'hours' && parts[1] === 'timeZone') return 'timeZone';
  return parts[0] ?? '';
}

function checkId(id: string, problems: FormProblem[]): void {
  if (id === '') problems.push({ field: 'id', key: 'problem.idRequired' });
  else if (!ID.test(id)) problems.push({ field: 'id', key: 'problem.id' });
}

function checkSkills(skills: SkillRow[], problems: FormProblem[]): void {
  const seen = new Set<string>();
  for (const row of skills) {
    const name = row.skill.trim();
    if (name === '') problems.push({ field: 'skills', key: 'problem.skillName' });
    else if (seen.has(name)) problems.push({ field: 'skills', key: 'problem.skillTwice', params: { skill: name } });
    seen.add(name);
  }
}

function whole(text: string, field: string, min: number, max: number, problems: FormProblem[]): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max)
    problems.push({ field, key: 'problem.range', params: { min, max } });
  return value;
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function isTimeZone(zone: string): boolean {
  try {
    // Intl refuses an unknown zone with a RangeError; a known one resolves to its canonical name.
    return (
      zone.trim() !== '' &&
      new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone !== ''
    );
  } catch {
    return false;
  }
}
