import { describe, expect, it } from 'vitest';
import {
  agentForm,
  checkAgentForm,
  checkQueueForm,
  fieldOfPointer,
  queueForm,
  type QueueRecord,
} from './adminForms.ts';

describe('queue form', () => {
  it('turns a filled form into the API body, with hours, skills and an overflow queue', () => {
    const form = queueForm();
    Object.assign(form, { id: 'loans', name: ' Loans ', priority: '7', alwaysOpen: false, timeZone: 'Asia/Seoul' });
    form.skills = [{ skill: 'mortgage', level: 3 }];
    form.overflow = 'queue';
    form.overflowQueue = 'general';
    form.days.Sat.open = true;
    const { problems, body } = checkQueueForm(form);
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      name: 'Loans',
      priority: 7,
      skills: [{ skill: 'mortgage', minLevel: 3 }],
      overflow: { kind: 'queue', queueId: 'general' },
      hours: { timeZone: 'Asia/Seoul' },
      dispositions: ['resolved', 'follow-up', 'escalated'],
    });
    expect((body?.['hours'] as { days: { day: string }[] } | undefined)?.days.map((d) => d.day)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
    ]);
  });

  it('names each mistake by field, in words the page translates', () => {
    const form = queueForm();
    Object.assign(form, { id: 'bad id', name: '', priority: '11', alwaysOpen: false, timeZone: 'Mars/Base' });
    form.skills = [
      { skill: 'x', level: 1 },
      { skill: 'x', level: 2 },
    ];
    form.days.Mon = { open: true, from: '18:00', to: '09:00' };
    form.overflow = 'queue';
    form.dispositions = ' , ';
    const { problems, body } = checkQueueForm(form);
    expect(body).toBeUndefined();
    expect(problems.map((p) => `${p.field} ${p.key}`)).toEqual([
      'id problem.id',
      'name problem.nameRequired',
      'skills problem.skillTwice',
      'priority problem.range',
      'timeZone problem.timeZone',
      'hours.Mon problem.closesBeforeOpening',
      'overflow problem.overflowQueue',
      'dispositions problem.noDisposition',
    ]);
  });

  it('refills from a stored queue, so saving it unchanged gives back the same queue', () => {
    const stored: QueueRecord = {
      id: 'cards',
      name: 'Cards',
      skills: [{ skill: 'cards', minLevel: 2 }],
      priority: 4,
      hours: { timeZone: 'Asia/Shanghai', days: [{ day: 'Mon', open: '08:00', close: '20:00' }] },
      maxWaitSeconds: 600,
      overflow: { kind: 'callback' },
      offerTimeoutSeconds: 20,
      afterCallWorkSeconds: 10,
      dispositions: ['done'],
    };
    const { id: _id, ...rest } = stored;
    expect(checkQueueForm(queueForm(stored)).body).toEqual(rest);
  });
});

describe('agent form', () => {
  it('requires a password for a new agent only, and at least 8 characters when one is typed', () => {
    const form = Object.assign(agentForm(), { id: 'bo', name: 'Bo', login: 'bo', queues: ['cards'] });
    expect(checkAgentForm(form, true).problems.map((p) => p.key)).toEqual(['problem.passwordRequired']);
    expect(checkAgentForm(form, false).body).not.toHaveProperty('password');
    form.password = 'short';
    expect(checkAgentForm(form, false).problems.map((p) => p.key)).toEqual(['problem.passwordShort']);
  });

  it('checks languages, chats and queues, and gives skills with their levels', () => {
    const form = Object.assign(agentForm(), {
      id: 'mei',
      name: 'Mei',
      login: 'mei',
      password: 'mei-password',
      languages: 'zh-CN, 한국어',
      maxChats: '0',
      queues: [],
    });
    expect(checkAgentForm(form, true).problems.map((p) => `${p.field} ${p.key}`)).toEqual([
      'languages problem.language',
      'maxChats problem.range',
      'queues problem.noQueue',
    ]);
    Object.assign(form, {
      languages: 'zh-CN, ko',
      maxChats: '2',
      queues: ['cards'],
      skills: [{ skill: 'cards', level: 5 }],
    });
    expect(checkAgentForm(form, true).body).toMatchObject({
      languages: ['zh-CN', 'ko'],
      maxChats: 2,
      skills: [{ skill: 'cards', level: 5 }],
      role: 'agent',
    });
  });

  it('maps a runtime error pointer to its field', () => {
    expect(fieldOfPointer('/hours/timeZone')).toBe('timeZone');
    expect(fieldOfPointer('/login')).toBe('login');
  });
});

describe('voice settings in the forms', () => {
  const queue: QueueRecord = {
    id: 'cards',
    name: 'Cards',
    skills: [],
    priority: 5,
    maxWaitSeconds: 600,
    offerTimeoutSeconds: 15,
    afterCallWorkSeconds: 30,
    dispositions: ['resolved'],
    holdPromptSeconds: 45,
    callbackKey: '9',
  };

  it("keep a queue's hold prompt interval and callback key when it is saved again (PUT replaces the record)", () => {
    const { problems, body } = checkQueueForm(queueForm(queue));
    expect(problems).toEqual([]);
    expect(body).toMatchObject({ holdPromptSeconds: 45, callbackKey: '9' });
  });

  it("keep an agent's phone, accept a SIP address, and refuse a bad key or number in plain words", () => {
    const agent = agentForm({
      id: 'ana',
      name: 'Ana',
      login: 'ana',
      role: 'agent',
      skills: [],
      languages: ['en'],
      maxChats: 2,
      queues: ['cards'],
      phone: '+82 10-1234-5678',
    });
    expect(checkAgentForm(agent, false).body).toMatchObject({ phone: '+821012345678' });
    expect(checkAgentForm({ ...agent, phone: 'sip:ana@pbx.example.com' }, false).body).toMatchObject({
      phone: 'sip:ana@pbx.example.com',
    });
    expect(checkAgentForm({ ...agent, phone: '010-1234' }, false).problems).toEqual([
      { field: 'phone', key: 'problem.phone' },
    ]);
    const form = { ...queueForm(queue), callbackKey: '12', holdPromptSeconds: '5' };
    expect(checkQueueForm(form).problems).toEqual([
      { field: 'holdPromptSeconds', key: 'problem.range', params: { min: 10, max: 600 } },
      { field: 'callbackKey', key: 'problem.callbackKey' },
    ]);
  });
});
