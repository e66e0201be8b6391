import { describe, expect, it } from 'vitest';
import { FlowBuilder } from '../shared/FlowBuilder.ts';
import { evaluate } from '../flowTestHelpers.ts';
import { liquidToExpression, liquidToTemplate } from './liquidTemplate.ts';

function translate(source: string): { template: string; builder: FlowBuilder } {
  const builder = new FlowBuilder(['en-US']);
  return { template: liquidToTemplate(source, builder, 'w'), builder };
}

describe('liquidToTemplate', () => {
  it('maps widget results and flow variables to declared variables, trigger data to the contact (#15)', () => {
    const { template, builder } = translate(
      '{{widgets.menu.Digits}} {{ flow.variables.name }} {{trigger.call.From}} {{widgets.get-parts.parsed.date}} {{widgets.wait.inbound.Body}} {{flow.channel.address}} {{trigger.message.Body}} {{flow.data.x}}',
    );
    expect(template).toBe(
      '{{menu_input}} {{name}} {{contact.callerNumber}} {{get_parts_date}} {{wait_reply}} {{contact.dialedNumber}} {{contact.attributes.Body}} {{data_x}}',
    );
    expect(
      ['menu_input', 'name', 'get_parts_date', 'wait_reply', 'data_x'].every((name) => builder.isDeclared(name)),
    ).toBe(true);
    expect(builder.isDeclared('contact.callerNumber')).toBe(false);
    expect(builder.report.filter((item) => item.severity !== 'info').map((item) => item.message)).toEqual([
      expect.stringMatching(/trigger\.message\.Body.*contact\.attributes\.Body.*channel supplies/),
      expect.stringMatching(/flow\.data\.x.*caller data/),
    ]);
    expect(builder.report.filter((item) => item.severity === 'info').map((item) => item.message)).toEqual([
      expect.stringMatching(/trigger\.call\.From.*contact\.callerNumber/),
      expect.stringMatching(/flow\.channel\.address.*contact\.dialedNumber/),
    ]);
  });

  it('drops filters with a report and keeps the value', () => {
    const { template, builder } = translate('Hi {{ flow.variables.name | upcase | truncate: 5 }}!');
    expect(template).toBe('Hi {{name}}!');
    expect(builder.report[0]?.message).toMatch(/upcase \| truncate: 5/);
  });

  it('keeps the else branch of if/elsif/else and names the dropped branches', () => {
    const { template, builder } = translate(
      '{% if flow.variables.vip %}Welcome back!{% elsif x %}Hi{% else %}Hello {{flow.variables.name}}.{% endif %}',
    );
    expect(template).toBe('Hello {{name}}.');
    expect(builder.report[0]).toMatchObject({
      severity: 'approximate',
      message: expect.stringMatching(/if flow\.variables\.vip; elsif x/),
    });
  });

  it('keeps raw text, drops comments silently and loops with a report', () => {
    const { template, builder } = translate(
      '{% raw %}{{not a var}}{% endraw %}{% comment %}note{% endcomment %}{% for i in list %}{{i}}{% endfor %}.',
    );
    expect(template).toBe('{{not a var}}.');
    expect(builder.report.map((item) => item.severity)).toEqual(['unsupported']);
  });

  it('builds expressions that concatenate literal text and values', () => {
    const builder = new FlowBuilder(['en-US']);
    const expression = liquidToExpression("{{flow.data.first}} it's {{ 'quoted' }} {{widgets.x.Digits}}", builder, 'w');
    expect(evaluate(expression, { data_first: 'Ana', x_input: 7 })).toBe("Ana it's quoted 7");
  });
});
