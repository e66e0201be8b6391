import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flowDocument.ts';
import type { NodeTypeCatalog } from '../nodeTypeSpec.ts';
import { issuesWithCode, nodeOf, testCatalog, validateMutated } from './validationFixtures.ts';

/** The fixture catalog with a validation hook on `ask` that refuses sensitive answers other than digits. */
function catalogWithAskHook(): NodeTypeCatalog {
  const catalog = new Map(testCatalog());
  const ask = catalog.get('ask');
  if (ask === undefined) throw new Error('the test catalog lost its ask type');
  catalog.set('ask', {
    ...ask,
    check(config, context) {
      const slot = config['slot'];
      const type: unknown = typeof slot === 'object' && slot !== null ? Reflect.get(slot, 'type') : undefined;
      if (
        typeof config['variable'] === 'string' &&
        context.variable(config['variable'])?.sensitive === true &&
        type !== 'digits'
      ) {
        context.report('FLOW017', '/slot/type', `"${config['variable']}" is sensitive; use slot type "digits"`);
      }
    },
  });
  return catalog;
}

function readCallerId(flow: FlowDocument): void {
  nodeOf(flow, 'check').config['cases'] = [
    { id: 'ok', when: 'channel == "dtmf" && locale != "zh-CN" && callerId != ""' },
  ];
}

function addSubflow(flow: FlowDocument): void {
  flow.nodes.push({ id: 'sub', type: 'subflow', config: { flowId: 'lost-card' } });
  flow.edges.push(
    { source: 'sub', port: 'next', target: 'bye' },
    { source: 'sub', port: 'error', target: 'bye' },
    { source: 'lookup', port: 'timeout', target: 'sub' },
  );
  nodeOf(flow, 'lookup').config['timeoutMs'] = 100;
}

describe('checkFields', () => {
  it('FLOW014: reports a prompt missing a declared locale, in annotated and built-in fields alike', () => {
    const issues = issuesWithCode('FLOW014', (flow) => {
      nodeOf(flow, 'welcome').config['prompt'] = { text: { 'en-US': 'Hello.' } };
      nodeOf(flow, 'askCard').config['prompt'] = { text: { 'en-US': 'Digits?', 'zh-CN': ' ' } };
      nodeOf(flow, 'menu').config['noMatch'] = { maxRetries: 1, reprompts: [{ text: { 'zh-CN': '抱歉' } }] };
    });
    expect(issues.map((issue) => [issue.nodeId, issue.pointer])).toEqual([
      ['welcome', '/nodes/1/config/prompt/text'],
      ['menu', '/nodes/2/config/noMatch/reprompts/0/text'],
      ['askCard', '/nodes/3/config/prompt/text'],
    ]);
    expect(issues[0]?.message).toMatch(/no text for zh-CN/);
  });

  it('FLOW014: checks the flow-wide reprompts too', () => {
    const [issue] = issuesWithCode('FLOW014', (flow) => {
      flow.settings = { noInput: { maxRetries: 1, reprompts: [{ text: { 'en-US': 'Hello?' } }] } };
    });
    expect(issue?.pointer).toBe('/settings/noInput/reprompts/0/text');
  });

  it('FLOW015: reports undeclared variables in templates, expressions, variable fields, $refs and keys', () => {
    const issues = issuesWithCode('FLOW015', (flow) => {
      nodeOf(flow, 'welcome').config['prompt'] = {
        text: { 'en-US': 'Hi {{ nickname.first }}', 'zh-CN': '您好' },
        channels: { chat: { text: { 'en-US': '{{emoji}}' } } },
      };
      nodeOf(flow, 'askCard').config['variable'] = 'cardLast5';
      nodeOf(flow, 'askCard').config['slot'] = { type: 'digits', validate: 'value != blocked' };
      nodeOf(flow, 'check').config['cases'] = [{ id: 'ok', when: 'tries > 3' }];
      nodeOf(flow, 'lookup').config['nameVariable'] = 'fullName';
      nodeOf(flow, 'lookup').config['args'] = { accountId: 'customerId' };
    });
    expect(issues.map((issue) => [issue.pointer, issue.message.match(/variable "(\w+)"/)?.[1]])).toEqual([
      ['/nodes/1/config/prompt/text/en-US', 'nickname'],
      ['/nodes/1/config/prompt/channels/chat/text/en-US', 'emoji'],
      ['/nodes/3/config/variable', 'cardLast5'],
      ['/nodes/3/config/slot/validate', 'blocked'],
      ['/nodes/4/config/cases/0/when', 'tries'],
      ['/nodes/5/config/nameVariable', 'fullName'],
      ['/nodes/5/config/args/accountId', 'accountId'],
    ]);
  });

  it('FLOW015: an expression annotated x-implicit reads its implicit names and reports undeclared ones', () => {
    const valueOnly = issuesWithCode(
      'FLOW015',
      (flow) =>
        (nodeOf(flow, 'askCard').config['slot'] = { type: 'digits', validate: 'len(value) == 4 && value != "0000"' }),
    );
    expect(valueOnly).toEqual([]);
    const undeclared = issuesWithCode(
      'FLOW015',
      (flow) => (nodeOf(flow, 'askCard').config['slot'] = { type: 'digits', validate: 'value != blocked' }),
    );
    expect(undeclared.map((issue) => [issue.pointer, issue.message.match(/variable "(\w+)"/)?.[1]])).toEqual([
      ['/nodes/3/config/slot/validate', 'blocked'],
    ]);
  });

  it('FLOW015: accepts the implicit channel and locale variables and the options override', () => {
    expect(issuesWithCode('FLOW015', readCallerId).map((issue) => issue.message)).toEqual([
      expect.stringMatching(/"callerId"/),
    ]);
    expect(
      issuesWithCode('FLOW015', readCallerId, undefined, { implicitVariables: ['callerId', 'channel', 'locale'] }),
    ).toEqual([]);
  });

  it('FLOW016: reports an expression that does not parse, with the parser hint', () => {
    const [issue] = issuesWithCode('FLOW016', (flow) => {
      nodeOf(flow, 'check').config['cases'] = [{ id: 'ok', when: 'len(cardLast4 == 4' }];
    });
    expect(issue).toMatchObject({
      pointer: '/nodes/4/config/cases/0/when',
      nodeId: 'check',
      message: expect.stringMatching(/offset 18.*closed with "\)"/),
    });
  });

  it("runs a node type's check hook with pointers relative to the node's config", () => {
    const [issue, ...rest] = issuesWithCode(
      'FLOW017',
      (flow) => {
        nodeOf(flow, 'askCard').config['slot'] = { type: 'number' };
      },
      catalogWithAskHook(),
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      nodeId: 'askCard',
      pointer: '/nodes/3/config/slot/type',
      message: expect.stringMatching(/"cardLast4" is sensitive.*"digits"/),
    });
  });

  it('runs the check hook only on a config that passed its schema', () => {
    const issues = validateMutated((flow) => {
      nodeOf(flow, 'askCard').config['slot'] = { type: 'speech' };
    }, catalogWithAskHook()).issues;
    expect(issues.map((issue) => issue.code)).toContain('FLOW004');
    expect(issues.map((issue) => issue.code)).not.toContain('FLOW017');
  });

  it('FLOW018: warns about a sensitive variable interpolated into a prompt', () => {
    const [issue] = issuesWithCode('FLOW018', (flow) => {
      nodeOf(flow, 'bye').config['prompt'] = { text: { 'en-US': 'Card {{cardLast4}}', 'zh-CN': '再见' } };
    });
    expect(issue).toMatchObject({ severity: 'warning', pointer: '/nodes/6/config/prompt/text/en-US' });
  });

  it('FLOW022: reports a subflow calling an unknown flow only when the known flows are given', () => {
    expect(issuesWithCode('FLOW022', addSubflow)).toEqual([]);
    expect(issuesWithCode('FLOW022', addSubflow, undefined, { knownFlowIds: new Set(['lost-card']) })).toEqual([]);
    expect(issuesWithCode('FLOW022', addSubflow, undefined, { knownFlowIds: new Set(['main-menu']) })).toMatchObject([
      { nodeId: 'sub', pointer: '/nodes/7/config/flowId' },
    ]);
  });

  it('FLOW029: reports a node reference to a node that does not exist', () => {
    const [issue] = issuesWithCode('FLOW029', (flow) => {
      nodeOf(flow, 'lookup').config['fallback'] = 'nowhere';
    });
    expect(issue).toMatchObject({ pointer: '/nodes/5/config/fallback', message: expect.stringMatching(/"nowhere"/) });
  });
});
