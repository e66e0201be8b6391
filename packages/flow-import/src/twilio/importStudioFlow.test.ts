import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { readForeignFixture } from '../foreignFixtures.ts';
import { assignmentsOf, conditionPort, evaluate, nodeOf, portsOf, promptText } from '../flowTestHelpers.ts';
import { importFlow } from '../importFlow.ts';
import type { ImportReportItem } from '../importTypes.ts';

function imported(doc: unknown): { flow: FlowDocument; report: ImportReportItem[] } {
  const result = importFlow(doc, { from: 'twilio' });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

// Golden mapping of twilio-studio/messaging-park-chat.json, written by reading the export widget by widget.
describe('Twilio Studio messaging-park-chat.json, widget by widget', () => {
  const { flow, report } = imported(readForeignFixture('twilio-studio/messaging-park-chat.json'));

  it('starts where the conversation-message trigger leads, at the trigger offset', () => {
    expect(nodeOf(flow, 'start')).toMatchObject({ type: 'start', position: { x: 0, y: 0 } });
    expect(portsOf(flow, 'start')).toEqual({ next: 'send_welcome' });
  });

  it('asks support-or-sales as free text, storing the reply for the split', () => {
    const node = nodeOf(flow, 'send_welcome');
    expect(node).toMatchObject({
      type: 'ask',
      position: { x: 260, y: 210 },
      config: { variable: 'send_welcome_reply', slot: { type: 'text' } },
    });
    expect(promptText(node)).toBe(
      'Ahoy! To better assist you, please tell me whether you need assistance with support or sales.',
    );
    expect(portsOf(flow, 'send_welcome')).toEqual({
      next: 'select_queue',
      noInput: 'imported_end',
      noMatch: 'imported_end',
    });
  });

  it('splits on the reply with contains: sales, support, else asks again', () => {
    const node = nodeOf(flow, 'select_queue');
    const ports = portsOf(flow, 'select_queue');
    expect(node.type).toBe('condition');
    expect(ports[conditionPort(node, { send_welcome_reply: 'I want to talk to sales' })]).toBe('set_sales');
    expect(ports[conditionPort(node, { send_welcome_reply: 'support please' })]).toBe('set_support');
    expect(ports[conditionPort(node, { send_welcome_reply: 'billing' })]).toBe('send_welcome');
  });

  it('sets the chosen queue and tells the customer, interpolating the flow variable', () => {
    for (const [id, queue] of [
      ['set_sales', 'sales'],
      ['set_support', 'support'],
    ] as const) {
      const node = nodeOf(flow, id);
      expect(node.type).toBe('set');
      expect(node.config['assignments']).toEqual([{ variable: 'selected_queue', value: `'${queue}'` }]);
      expect(portsOf(flow, id)).toEqual({ next: 'send_please_wait' });
    }
    const wait = nodeOf(flow, 'send_please_wait');
    expect(wait.type).toBe('message');
    expect(promptText(wait)).toBe(
      'Thanks! Please wait while I locate a {{selected_queue}} representative to assist you. This may take a few minutes.',
    );
    expect(portsOf(flow, 'send_please_wait')).toEqual({ next: 'send_to_flex' });
  });

  it('sends to Flex as a transfer, reporting the Terraform placeholder workflow', () => {
    expect(nodeOf(flow, 'send_to_flex')).toMatchObject({
      type: 'transfer',
      config: { queue: '${WORKFLOW_SID}', reason: '{ "selected_queue": "{{selected_queue}}" }' },
    });
    expect(report.some((item) => item.sourceRef === 'send_to_flex' && /placeholder/.test(item.message))).toBe(true);
  });

  it('declares exactly the variables the flow reads and writes', () => {
    expect(flow.variables.map((variable) => variable.name).toSorted()).toEqual([
      'selected_queue',
      'send_welcome_reply',
    ]);
  });
});

// A Studio flow whose incoming call starts at the first of `states` (named `w0`).
function flowOf(states: object[]): object {
  const trigger = {
    name: 'Trigger',
    type: 'trigger',
    properties: { offset: { x: 0, y: 0 } },
    transitions: [{ event: 'incomingCall', next: 'w0' }],
  };
  return { initial_state: 'Trigger', flags: {}, states: [trigger, ...states] };
}

describe('Twilio Studio widgets beyond the golden flow', () => {
  it('keeps the else branch of a Liquid case and reports the other branches (schedule-check-ivr.json)', () => {
    const { flow, report } = imported(readForeignFixture('twilio-studio/schedule-check-ivr.json'));
    expect(promptText(nodeOf(flow, 'say_closed'))).toBe(
      'We are currently closed. Please call back during our normal business hours.\n\nThank you for calling and have a great day.',
    );
    expect(
      report.some((item) => item.sourceRef === 'say_closed' && /when 'manual'; when 'holiday'/.test(item.message)),
    ).toBe(true);
    expect(nodeOf(flow, 'check_schedule').config).toMatchObject({
      handler: 'twilio.function',
      results: { check_schedule_isOpen: 'isOpen' },
    });
    expect(conditionPort(nodeOf(flow, 'is_open'), { check_schedule_isOpen: true })).toBe('case1');
  });

  it('gathers keypad digits with finish key and length into an ask node read by a split', () => {
    const { flow } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'gather-input-on-call',
          properties: { say: 'Enter your PIN', input: 'dtmf', finish_on_key: '#', number_of_digits: '4', timeout: '5' },
          transitions: [{ event: 'keypress', next: 'check' }, { event: 'speech' }, { event: 'timeout', next: 'w0' }],
        },
        {
          name: 'check',
          type: 'split-based-on',
          properties: { input: '{{widgets.w0.Digits}}' },
          transitions: [
            { event: 'noMatch' },
            {
              event: 'match',
              next: 'w0',
              conditions: [{ type: 'matches_any_of', value: '0000, 1234', arguments: ['{{widgets.w0.Digits}}'] }],
            },
          ],
        },
      ]),
    );
    expect(nodeOf(flow, 'w0').config).toMatchObject({
      variable: 'w0_input',
      slot: { type: 'digits', maxLength: 4, terminator: '#' },
    });
    expect(portsOf(flow, 'w0')).toEqual({ next: 'check', noInput: 'w0', noMatch: 'w0' });
    expect(conditionPort(nodeOf(flow, 'check'), { w0_input: '1234' })).toBe('case1');
    expect(conditionPort(nodeOf(flow, 'check'), { w0_input: '5555' })).toBe('default');
  });

  it('turns speech hints into the accepted choices', () => {
    const { flow } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'gather-input-on-call',
          properties: { say: 'Sales or support?', input: 'speech', hints: 'sales, support' },
          transitions: [{ event: 'speech' }],
        },
      ]),
    );
    expect(nodeOf(flow, 'w0').config['slot']).toEqual({
      type: 'choice',
      choices: [
        { value: 'sales', label: { 'en-US': 'sales' } },
        { value: 'support', label: { 'en-US': 'support' } },
      ],
    });
  });

  it('translates each split condition type to an expression with the same meaning', () => {
    const cases: [string, string, Record<string, unknown>, boolean][] = [
      ['equal_to', 'yes', { v: 'yes' }, true],
      ['not_equal_to', 'yes', { v: 'no' }, true],
      ['does_not_match_any_of', 'a,b', { v: 'a' }, false],
      ['is_blank', '', { v: '' }, true],
      ['is_not_blank', '', { v: '' }, false],
      ['starts_with', '+1', { v: '+15550100' }, true],
      ['less_than', '10', { v: '9' }, true],
      ['greater_than', '10', { v: '9' }, false],
      ['regex', '^yes$', { v: 'yes' }, true],
      ['regex', '^yes$', { v: 'yes sir' }, false],
    ];
    for (const [type, value, scope, expected] of cases) {
      const { flow } = imported(
        flowOf([
          {
            name: 'w0',
            type: 'set-variables',
            properties: { variables: [{ key: 'v', value: '' }] },
            transitions: [{ event: 'next', next: 's' }],
          },
          {
            name: 's',
            type: 'split-based-on',
            properties: { input: '{{flow.variables.v}}' },
            transitions: [
              { event: 'noMatch' },
              { event: 'match', next: 'w0', conditions: [{ type, value, arguments: ['{{flow.variables.v}}'] }] },
            ],
          },
        ]),
      );
      expect([type, value, conditionPort(nodeOf(flow, 's'), scope) === 'case1']).toEqual([type, value, expected]);
    }
  });

  it('maps make-http-request to the http node with the parsed fields the flow reads', () => {
    const { flow } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'make-http-request',
          properties: {
            method: 'POST',
            url: 'https://api.example.com/u/{{trigger.call.From}}',
            content_type: 'application/json',
            body: '{"a": "{{flow.variables.a}}"}',
          },
          transitions: [{ event: 'success', next: 'say' }, { event: 'failed' }],
        },
        {
          name: 'say',
          type: 'say-play',
          properties: { say: 'Hi {{widgets.w0.parsed.name | upcase}}, status {{widgets.w0.status_code}}' },
          transitions: [{ event: 'audioComplete' }],
        },
      ]),
    );
    expect(nodeOf(flow, 'w0')).toMatchObject({
      type: 'http',
      config: {
        method: 'POST',
        url: 'https://api.example.com/u/{{contact.callerNumber}}',
        body: '{"a": "{{a}}"}',
        bodyType: 'json',
        responseMapping: [{ variable: 'w0_name', value: 'response.body.name' }],
        statusVariable: 'w0_status_code',
      },
    });
    expect(portsOf(flow, 'w0')).toEqual({ success: 'say', error: 'imported_end', timeout: 'imported_end' });
    expect(promptText(nodeOf(flow, 'say'))).toBe('Hi {{w0_name}}, status {{w0_status_code}}');
  });

  it('reads parsed fields whose names are no identifiers with quoted members', () => {
    const { flow } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'make-http-request',
          properties: { method: 'GET', url: 'https://api.example.com/o' },
          transitions: [{ event: 'success', next: 'say' }, { event: 'failed' }],
        },
        {
          name: 'say',
          type: 'say-play',
          properties: { say: 'Order {{widgets.w0.parsed.order-id}}, {{widgets.w0.parsed.body}}' },
          transitions: [{ event: 'audioComplete' }],
        },
      ]),
    );
    expect(nodeOf(flow, 'w0').config['responseMapping']).toEqual([
      { variable: 'w0_order_id', value: "response.body['order-id']" },
      { variable: 'w0_body', value: 'response.body.body' },
    ]);
  });

  it('maps run-subflow, enqueue-call, connect-call-to and record-voicemail', () => {
    const { flow, report } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'run-subflow',
          properties: { flow_sid: 'FW123', parameters: [{ key: 'lang', value: 'en' }] },
          transitions: [
            { event: 'completed', next: 'q' },
            { event: 'failed', next: 'vm' },
          ],
        },
        { name: 'q', type: 'enqueue-call', properties: { queue_name: 'billing' }, transitions: [] },
        { name: 'agent', type: 'connect-call-to', properties: { to: '+15550100', noun: 'number' }, transitions: [] },
        { name: 'vm', type: 'record-voicemail', properties: {}, transitions: [{ event: 'recordingComplete' }] },
      ]),
    );
    // Imported alone, the subflow it calls is missing: a placeholder names it and takes the failed path (#15).
    expect(nodeOf(flow, 'w0')).toMatchObject({ type: 'message', label: 'Missing flow FW123' });
    expect(promptText(nodeOf(flow, 'w0'))).toMatch(/"FW123", which was not imported/);
    expect(portsOf(flow, 'w0')).toEqual({ next: 'vm' });
    expect(report).toContainEqual(
      expect.objectContaining({ severity: 'unsupported', sourceRef: 'w0', message: expect.stringMatching(/FW123/) }),
    );
    expect(nodeOf(flow, 'q').config).toEqual({ queue: 'billing' });
    expect(nodeOf(flow, 'agent').config).toEqual({ agent: '+15550100' });
    expect(nodeOf(flow, 'vm').type).toBe('message');
    expect(nodeOf(flow, portsOf(flow, 'vm')['next'] ?? '').type).toBe('end');
    expect(report).toContainEqual(expect.objectContaining({ severity: 'unsupported', sourceRef: 'vm' }));
  });

  it('builds set-variables values from Liquid with literal text around variables', () => {
    const { flow } = imported(
      flowOf([
        {
          name: 'w0',
          type: 'set-variables',
          properties: { variables: [{ key: 'greeting', value: 'Hello {{trigger.message.From}}!' }] },
          transitions: [{ event: 'next' }],
        },
      ]),
    );
    const [assignment] = assignmentsOf(nodeOf(flow, 'w0'));
    expect(evaluate(assignment?.value, { contact: { callerNumber: 'Ana' } })).toBe('Hello Ana!');
  });

  it('translates channel-type comparisons to the contact channel (#15)', async () => {
    const split = (value: string, type = 'equal_to') => ({
      name: 'w0',
      type: 'split-based-on',
      properties: { input: '{{trigger.message.ChannelAttributes.channel_type}}' },
      transitions: [
        { event: 'noMatch', next: 'other' },
        { event: 'match', next: 'hit', conditions: [{ friendly_name: 'x', arguments: [], type, value }] },
      ],
    });
    const states = (value: string, type?: string) => [
      split(value, type),
      { name: 'hit', type: 'say-play', properties: { say: 'Matched.' }, transitions: [{ event: 'audioComplete' }] },
      { name: 'other', type: 'say-play', properties: { say: 'Other.' }, transitions: [{ event: 'audioComplete' }] },
    ];
    const whatsapp = imported(flowOf(states('whatsapp')));
    expect(conditionPort(nodeOf(whatsapp.flow, 'w0'), { contact: { channel: 'chat' } })).not.toBe('default');
    expect(conditionPort(nodeOf(whatsapp.flow, 'w0'), { contact: { channel: 'voice' } })).toBe('default');
    expect(whatsapp.report).toContainEqual(
      expect.objectContaining({
        severity: 'approximate',
        message: expect.stringMatching(/translated to contact\.channel == 'chat'/),
      }),
    );
    const notVoice = imported(flowOf(states('voice', 'not_equal_to')));
    expect(conditionPort(nodeOf(notVoice.flow, 'w0'), { contact: { channel: 'dtmf' } })).toBe('default');
    expect(conditionPort(nodeOf(notVoice.flow, 'w0'), { contact: { channel: 'chat' } })).not.toBe('default');
    const either = imported(flowOf(states('sms, voice', 'matches_any_of')));
    expect(conditionPort(nodeOf(either.flow, 'w0'), { contact: { channel: 'dtmf' } })).not.toBe('default');
    expect(conditionPort(nodeOf(either.flow, 'w0'), { contact: { channel: 'chat' } })).not.toBe('default');
  });
});
