import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { readForeignFixture } from '../foreignFixtures.ts';
import { assignmentsOf, conditionPort, evaluate, nodeOf, portsOf, promptText } from '../flowTestHelpers.ts';
import { importFlow } from '../importFlow.ts';
import type { ImportReportItem } from '../importTypes.ts';

function imported(doc: unknown): { flow: FlowDocument; report: ImportReportItem[] } {
  const result = importFlow(doc, { from: 'connect' });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

// Golden mapping of amazon-connect/bankid-auth.json, written by reading the export action by action.
describe('Amazon Connect bankid-auth.json, node by node', () => {
  const { flow, report } = imported(readForeignFixture('amazon-connect/bankid-auth.json'));
  const ask = '17403bfb-420b-4fa5-bb53-8a7fdf9da0e8';
  const openApp = '7a1ac8ba-e5f7-423b-bb89-4af7c7372b34';
  const lambda = '2367a288-95db-4535-ad4f-7d70be3636a9';
  const compare = '6162763b-e43c-455b-8330-196642f37027';
  const loop = '595aea4e-1fa8-4a4c-a0c7-f1711d0caccf';
  const hello = '319c4da8-2d6d-4e4b-a18e-9277b13cd7f9';
  const setQueue = 'bb212c4b-3f98-4080-b533-fe9d2ca36b70';
  const recorded = '0bf507b6-7f4b-4bf8-95c6-531afca0b152';
  const transfer = 'e501e887-2f34-44dd-8aad-030ca0d96792';
  const sorry = 'f225dcc9-d666-4ee4-9200-36ef87dd338f';
  const disconnect = '5c69b8bf-4682-4652-8574-4eec6107a865';

  it('skips the logging and voice settings: start leads straight to the personal-number input', () => {
    expect(portsOf(flow, 'start')).toEqual({ next: ask });
    expect(nodeOf(flow, 'start').position).toEqual({ x: 15, y: 15 });
    expect(
      report.filter((item) => item.severity === 'info' && /skipped/.test(item.message)).map((item) => item.sourceRef),
    ).toEqual([
      'f975c9af-7dff-4e34-9eda-53ad09aecb2a',
      '5c7d63e5-db92-451e-9da1-028763ee8801',
      '93a19012-34f4-47c6-8011-d146cded6f8a',
    ]);
  });

  it('stores the 12-digit personal number with an ask node; its error branch takes no-input and no-match', () => {
    const node = nodeOf(flow, ask);
    expect(node.type).toBe('ask');
    expect(node.position).toEqual({ x: 144, y: 474 });
    expect(node.config['variable']).toBe('storedCustomerInput');
    expect(node.config['slot']).toMatchObject({ type: 'digits', maxLength: 12 });
    expect(promptText(node)).toMatch(/^Thank you for calling\.\s+Can you please key in your personal number/);
    expect(node.config['prompt']).toHaveProperty(['ssml', 'en-US'], expect.stringContaining('<prosody rate="91%">'));
    expect(portsOf(flow, ask)).toEqual({ next: openApp, noInput: sorry, noMatch: sorry });
    expect(flow.settings?.noInputTimeoutSeconds).toBe(10);
  });

  it('calls the Lambda as a transaction keeping its ARN and passing the stored input', () => {
    const node = nodeOf(flow, lambda);
    expect(node.type).toBe('transaction');
    expect(node.config['handler']).toBe('connect.lambda');
    expect(node.config['timeoutMs']).toBe(8000);
    const args = node.config['args'];
    expect(args).toMatchObject({ functionArn: "'REPLACE_WITH_LAMBDA_FUNCTION_ARN'" });
    const scope = { storedCustomerInput: '197001011234', external_orderRef: 'ref-1' };
    expect(evaluate(Object.getOwnPropertyDescriptor(args, 'personnummer')?.value, scope)).toBe('197001011234');
    expect(evaluate(Object.getOwnPropertyDescriptor(args, 'orderRef')?.value, scope)).toBe('ref-1');
    expect(node.config['results']).toMatchObject({
      external_status: 'status',
      external_givenName: 'givenName',
      external_orderRef: 'orderRef',
    });
    expect(portsOf(flow, lambda)).toEqual({ success: compare, error: sorry, timeout: sorry });
    expect(report.some((item) => item.sourceRef === lambda && /placeholder/.test(item.message))).toBe(true);
  });

  it('routes the status compare: complete greets, pending loops, anything else apologises', () => {
    const node = nodeOf(flow, compare);
    expect(node.type).toBe('condition');
    const ports = portsOf(flow, compare);
    expect(ports[conditionPort(node, { external_status: 'complete' })]).toBe(hello);
    expect(ports[conditionPort(node, { external_status: 'pending' })]).toBe(loop);
    expect(ports[conditionPort(node, { external_status: 'failed' })]).toBe(sorry);
  });

  it('turns Loop ×2 into a counter that polls the Lambda twice, then gives up and resets', () => {
    const check = nodeOf(flow, loop);
    const ports = portsOf(flow, loop);
    const counter = 'loop_595aea4e_1fa8_4a4c_a0c7_f1711d0caccf';
    expect(flow.variables).toContainEqual(expect.objectContaining({ name: counter, type: 'number', default: 0 }));
    const visits: string[] = [];
    let count = 0;
    for (let round = 0; round < 3; round++) {
      const port = conditionPort(check, { [counter]: count });
      const setNode = nodeOf(flow, ports[port] ?? '');
      const [assignment] = assignmentsOf(setNode);
      count = Number(evaluate(assignment?.value, { [counter]: count }));
      visits.push(portsOf(flow, setNode.id)['next'] ?? '');
    }
    expect(visits).toEqual([lambda, lambda, sorry]);
    expect(count).toBe(0);
  });

  it('greets by the name the Lambda returned and sets the queue before transferring', () => {
    expect(promptText(nodeOf(flow, hello))).toBe(
      'Hello, {{external_givenName}}. Please hold while we connect you to an agent.',
    );
    expect(portsOf(flow, hello)).toEqual({ next: setQueue });
    expect(nodeOf(flow, setQueue).config).toEqual({
      assignments: [{ variable: 'targetQueue', value: "'Sample BasicQueue'" }],
    });
    expect(portsOf(flow, setQueue)).toEqual({ next: recorded });
    expect(portsOf(flow, recorded)).toEqual({ next: transfer });
    expect(nodeOf(flow, transfer)).toMatchObject({ type: 'transfer', config: { queue: 'Sample BasicQueue' } });
    expect(portsOf(flow, transfer)).toEqual({});
  });

  it('apologises and disconnects on every failure path', () => {
    expect(nodeOf(flow, openApp).type).toBe('message');
    expect(portsOf(flow, openApp)).toEqual({ next: lambda });
    expect(promptText(nodeOf(flow, sorry))).toMatch(/^Sorry\. We cannot take your call right now/);
    expect(portsOf(flow, sorry)).toEqual({ next: disconnect });
    expect(nodeOf(flow, disconnect)).toMatchObject({ type: 'end', config: { outcome: 'disconnected' } });
  });

  it('maps every action except the three skipped settings to a node, plus the loop counter steps', () => {
    expect(flow.nodes.map((node) => node.type).toSorted()).toEqual(
      [
        'start',
        'ask',
        'message',
        'message',
        'message',
        'message',
        'transaction',
        'condition',
        'condition',
        'set',
        'set',
        'set',
        'transfer',
        'end',
      ].toSorted(),
    );
  });
});

const base = { Version: '2019-10-30', Metadata: { ActionMetadata: {} } };

function action(Identifier: string, Type: string, Parameters: object, Transitions: object): object {
  return { Identifier, Type, Parameters, Transitions };
}

describe('Amazon Connect blocks beyond the fixtures', () => {
  it('routes a Lex V2 bot with intent conditions as a menu of its intents, names as synonyms', () => {
    const { flow } = imported({
      ...base,
      StartAction: 'bot',
      Actions: [
        action(
          'bot',
          'ConnectParticipantWithLexBot',
          { Text: 'How can I help?', LexV2Bot: { AliasArn: 'arn:aws:lex:x:1:bot-alias/A/B' } },
          {
            NextAction: 'bye',
            Conditions: [
              { NextAction: 'bal', Condition: { Operator: 'Equals', Operands: ['CheckBalance'] } },
              { NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['Goodbye'] } },
            ],
            Errors: [
              { NextAction: 'bye', ErrorType: 'NoMatchingCondition' },
              { NextAction: 'bye', ErrorType: 'NoMatchingError' },
            ],
          },
        ),
        action('bal', 'MessageParticipant', { Text: 'Your balance is $.Attributes.balance' }, { NextAction: 'bye' }),
        action('bye', 'DisconnectParticipant', {}, {}),
      ],
    });
    const menu = nodeOf(flow, 'bot');
    expect(menu.type).toBe('menu');
    expect(menu.config['options']).toEqual([
      { key: '1', label: { 'en-US': 'check balance' }, synonyms: { 'en-US': ['CheckBalance', 'check balance'] } },
      { key: '2', label: { 'en-US': 'goodbye' }, synonyms: { 'en-US': ['Goodbye', 'goodbye'] } },
    ]);
    expect(portsOf(flow, 'bot')).toEqual({ 1: 'bal', 2: 'bye', noMatch: 'bye', noInput: 'bye' });
    expect(promptText(nodeOf(flow, 'bal'))).toBe('Your balance is {{contact.attributes.balance}}');
  });

  it('reads the legacy Lex V1 shape inside GetParticipantInput', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'bot',
      Actions: [
        action(
          'bot',
          'GetParticipantInput',
          { Text: 'Hi', LexBot: { Name: 'OrderBot', Region: 'us-east-1', Alias: '$LATEST' } },
          {
            Conditions: [{ NextAction: 'end', Condition: { Operator: 'Equals', Operands: ['OrderFlowers'] } }],
          },
        ),
        action('end', 'EndFlowExecution', {}, {}),
      ],
    });
    expect(nodeOf(flow, 'bot')).toMatchObject({ type: 'menu', label: 'Lex bot OrderBot' });
    expect(report.some((item) => /Legacy \(Lex V1\)/.test(item.message))).toBe(true);
  });

  it('makes a single-key DTMF input a menu whose labels come from the prompt', () => {
    const { flow } = imported({
      ...base,
      StartAction: 'in',
      Actions: [
        action(
          'in',
          'GetParticipantInput',
          {
            Text: 'Press 1 to cancel your request or press 2 to keep it.',
            StoreInput: 'False',
            InputTimeLimitSeconds: '5',
          },
          {
            NextAction: 'end',
            Conditions: [
              { NextAction: 'end', Condition: { Operator: 'Equals', Operands: ['1'] } },
              { NextAction: 'end', Condition: { Operator: 'Equals', Operands: ['2'] } },
            ],
            Errors: [
              { NextAction: 'end', ErrorType: 'InputTimeLimitExceeded' },
              { NextAction: 'end', ErrorType: 'NoMatchingCondition' },
            ],
          },
        ),
        action('end', 'EndFlowExecution', {}, {}),
      ],
    });
    const options = nodeOf(flow, 'in').config['options'];
    expect(options).toEqual([
      { key: '1', label: { 'en-US': 'cancel your request' } },
      { key: '2', label: { 'en-US': 'keep it' } },
    ]);
  });

  it('compares numbers and text with each Connect operator', () => {
    const conditions = [
      ['NumberGreaterThan', '10'],
      ['NumberLessOrEqualTo', '3'],
      ['TextStartsWith', 'VIP'],
      ['TextContains', 'gold'],
    ].map(([Operator, operand]) => ({ NextAction: 'end', Condition: { Operator, Operands: [operand] } }));
    const { flow } = imported({
      ...base,
      StartAction: 'cmp',
      Actions: [
        action(
          'cmp',
          'Compare',
          { ComparisonValue: '$.Attributes.tier' },
          { NextAction: 'end', Conditions: conditions, Errors: [] },
        ),
        action('end', 'EndFlowExecution', {}, {}),
      ],
    });
    const node = nodeOf(flow, 'cmp');
    expect(conditionPort(node, { contact: { attributes: { tier: '12' } } })).toBe('case1');
    expect(conditionPort(node, { contact: { attributes: { tier: '2' } } })).toBe('case2');
    expect(conditionPort(node, { contact: { attributes: { tier: 'VIP gold' } } })).toBe('case3');
    expect(conditionPort(node, { contact: { attributes: { tier: 'old gold' } } })).toBe('case4');
    expect(conditionPort(node, { contact: { attributes: { tier: 'bronze' } } })).toBe('default');
  });

  it('turns CheckHoursOfOperation into an hours node reporting that the calendar must be filled in', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'hours',
      Actions: [
        action(
          'hours',
          'CheckHoursOfOperation',
          {},
          {
            Conditions: [
              { NextAction: 'open', Condition: { Operator: 'Equals', Operands: ['True'] } },
              { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
            ],
            Errors: [{ NextAction: 'closed', ErrorType: 'NoMatchingError' }],
          },
        ),
        action('open', 'TransferContactToQueue', {}, {}),
        action('closed', 'DisconnectParticipant', {}, {}),
      ],
    });
    expect(nodeOf(flow, 'hours').type).toBe('hours');
    expect(portsOf(flow, 'hours')).toEqual({ open: 'open', closed: 'closed', holiday: 'closed' });
    expect(report.some((item) => item.sourceRef === 'hours' && /must be filled in/.test(item.message))).toBe(true);
  });

  it('transfers to a third-party number as a transfer to that agent', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'out',
      Actions: [
        action(
          'out',
          'TransferParticipantToThirdParty',
          { ThirdPartyPhoneNumber: '+15550100', ThirdPartyConnectionTimeLimitSeconds: '30' },
          { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'CallFailed' }] },
        ),
        action('end', 'EndFlowExecution', {}, {}),
      ],
    });
    expect(nodeOf(flow, 'out')).toMatchObject({ type: 'transfer', config: { agent: '+15550100' } });
    expect(report.map((item) => item.severity)).toEqual(['approximate', 'info']);
  });

  it('keeps an unknown block as a placeholder message reported as unsupported', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'x',
      Actions: [
        action('x', 'DistributeByPercentage', {}, { NextAction: 'end' }),
        action('end', 'EndFlowExecution', {}, {}),
      ],
    });
    expect(nodeOf(flow, 'x').type).toBe('message');
    expect(portsOf(flow, 'x')).toEqual({ next: 'end' });
    expect(report).toContainEqual(expect.objectContaining({ severity: 'unsupported', sourceRef: 'x' }));
  });

  it('sends a transition to a missing action, or no transition, to one shared end node', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'a',
      Actions: [
        action('a', 'MessageParticipant', { Text: 'Hi' }, { NextAction: 'nowhere' }),
        action('b', 'MessageParticipant', { Text: 'Unreached' }, {}),
      ],
    });
    expect(portsOf(flow, 'a')).toEqual({ next: 'imported_end' });
    expect(portsOf(flow, 'b')).toEqual({ next: 'imported_end' });
    expect(nodeOf(flow, 'imported_end').type).toBe('end');
    expect(report.some((item) => /nowhere/.test(item.message))).toBe(true);
  });

  it('starts an attribute the flow writes and reads from the contact attribute, as Connect does (#15)', () => {
    const { flow, report } = imported({
      ...base,
      StartAction: 'say',
      Actions: [
        action(
          'say',
          'MessageParticipant',
          { Text: 'Tier $.Attributes.tier, plan $.Attributes.plan' },
          { NextAction: 'up' },
        ),
        action('up', 'UpdateContactAttributes', { Attributes: { tier: 'gold' } }, { NextAction: 'end' }),
        action('end', 'DisconnectParticipant', {}, {}),
      ],
    });
    expect(promptText(nodeOf(flow, 'say'))).toBe('Tier {{tier}}, plan {{contact.attributes.plan}}');
    const first = portsOf(flow, 'start')['next'] ?? '';
    expect(nodeOf(flow, first)).toMatchObject({ type: 'set', label: 'Contact attributes' });
    expect(portsOf(flow, first)).toEqual({ next: 'say' });
    const [assignment] = assignmentsOf(nodeOf(flow, first));
    expect(assignment?.variable).toBe('tier');
    expect(evaluate(assignment?.value, { tier: '', contact: { attributes: { tier: 'silver' } } })).toBe('silver');
    expect(evaluate(assignment?.value, { tier: 'passed in', contact: { attributes: { tier: 'silver' } } })).toBe(
      'passed in',
    );
    expect(evaluate(assignment?.value, { tier: '', contact: { attributes: {} } })).toBe('');
    expect(report).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/writes and reads the contact attributes tier/) }),
    );
  });
});
