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
    expect(builder.report.map((item) => item.message)).toEqual([
      expect.stringMatching(/set by the Lex bot/),
      expect.stringMatching(/Connect system value.*caller data/),
    ]);
  });

  it('leaves text that only looks like a reference alone', () => {
    const builder = new FlowBuilder(['en-US']);
    expect(connectTextToTemplate('Costs $5. $Lex. SessionAttributes', builder, 'a')).toBe(
      'Costs $5. $Lex. SessionAttributes',
    );
  });

  it('turns literals, references and mixtures into expressions with the same value', () => {
    const builder = new FlowBuilder(['en-US']);
    const scope = { external_n: 5, name: 'Ana' };
    expect(evaluate(connectValueToExpression('PENDING', builder, 'a'), scope)).toBe('PENDING');
    expect(evaluate(connectValueToExpression('$.External.n', builder, 'a'), scope)).toBe(5);
    expect(
      evaluate(connectValueToExpression("$.External.n items for $.Attributes.name's order", builder, 'a'), scope),
    ).toBe("5 items for Ana's order");
    expect(evaluate(connectValueToExpression('', builder, 'a'), scope)).toBe('');
  });
});
