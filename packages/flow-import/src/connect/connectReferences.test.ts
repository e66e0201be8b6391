import { describe, expect, it } from 'vitest';
import { FlowBuilder } from '../shared/FlowBuilder.ts';
import { evaluate } from '../flowTestHelpers.ts';
import { connectTextToTemplate, connectValueToExpression } from './connectReferences.ts';

describe('Connect $. references', () => {
  it('maps each namespace to its own variable, including bracketed Lex keys', () => {
    const builder = new FlowBuilder(['en-US']);
    const template = connectTextToTemplate(
      "$.Attributes.first-name / $.External.status / $.StoredCustomerInput / $.Lex.SessionAttributes.['route'] / $.Queue.Name.",
      builder,
      'a',
    );
    expect(template).toBe(
      '{{first_name}} / {{external_status}} / {{storedCustomerInput}} / {{lex_SessionAttributes_route}} / {{connect_Queue_Name}}.',
    );
    expect(builder.report.map((item) => [item.severity, item.message])).toEqual([
      ['approximate', expect.stringMatching(/first-name is not a plain attribute name.*caller data/)],
      ['approximate', expect.stringMatching(/set by the Lex bot/)],
      [
        'unsupported',
        expect.stringMatching(/Queue\.Name is a Connect system value with no Omniflow contact equivalent/),
      ],
    ]);
  });

  it('maps Connect system values and attributes the flows never set to the read-only contact (#15)', () => {
    const builder = new FlowBuilder(['en-US']);
    const template = connectTextToTemplate(
      'From $.CustomerEndpoint.Address to $.SystemEndpoint.Address on $.Channel, tier $.Attributes.tier',
      builder,
      'a',
    );
    expect(template).toBe(
      'From {{contact.callerNumber}} to {{contact.dialedNumber}} on {{contact.channel}}, tier {{contact.attributes.tier}}',
    );
    expect(builder.isDeclared('tier')).toBe(false);
    expect(builder.report.map((item) => item.severity)).toEqual(['info', 'info', 'info', 'info']);
    const channel = connectValueToExpression('$.Channel', builder, 'a');
    expect(evaluate(channel, { contact: { channel: 'dtmf' } })).toBe('VOICE');
    expect(evaluate(channel, { contact: { channel: 'voice' } })).toBe('VOICE');
    expect(evaluate(channel, { contact: { channel: 'chat' } })).toBe('CHAT');
  });

  it('keeps an attribute the flows write as a flow variable', () => {
    const builder = new FlowBuilder(['en-US'], { writableAttributes: new Set(['tier']) });
    expect(connectTextToTemplate('tier $.Attributes.tier', builder, 'a')).toBe('tier {{tier}}');
    expect(builder.isDeclared('tier')).toBe(true);
    expect([...builder.attributeReads]).toEqual(['tier']);
  });

  it('leaves text that only looks like a reference alone', () => {
    const builder = new FlowBuilder(['en-US']);
    expect(connectTextToTemplate('Costs $5. $Lex. SessionAttributes', builder, 'a')).toBe(
      'Costs $5. $Lex. SessionAttributes',
    );
  });

  it('turns literals, references and mixtures into expressions with the same value', () => {
    const builder = new FlowBuilder(['en-US']);
    const scope = { external_n: 5, contact: { attributes: { name: 'Ana' } } };
    expect(evaluate(connectValueToExpression('PENDING', builder, 'a'), scope)).toBe('PENDING');
    expect(evaluate(connectValueToExpression('$.External.n', builder, 'a'), scope)).toBe(5);
    expect(
      evaluate(connectValueToExpression("$.External.n items for $.Attributes.name's order", builder, 'a'), scope),
    ).toBe("5 items for Ana's order");
    expect(evaluate(connectValueToExpression('', builder, 'a'), scope)).toBe('');
  });
});
