import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../contact/contactFields.ts';
import { issuesWithCode, nodeOf, validateMutated } from './validationFixtures.ts';

describe('the read-only contact system variable (issue 15)', () => {
  it('lets conditions, assignments and prompts read every contact field without a declaration', () => {
    const result = validateMutated((flow) => {
      const reads = CONTACT_FIELDS.map((field) => `contact.${field} != null`).join(' || ');
      nodeOf(flow, 'check').config['cases'] = [
        { id: 'ok', when: `${reads} || contact.attributes.segment == "gold" && contact["channel"] == "chat"` },
      ];
      nodeOf(flow, 'welcome').config['prompt'] = {
        text: { 'en-US': 'Hello, {{contact.attributes.firstName}}.', 'zh-CN': '您好 {{contact.locale}}' },
      };
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('FLOW033: names the valid fields when an expression reads an unknown one', () => {
    const [issue, ...rest] = issuesWithCode('FLOW033', (flow) => {
      nodeOf(flow, 'check').config['cases'] = [
        { id: 'ok', when: 'contact.callerId == "1" || contact.channel == "chat"' },
      ];
    });
    expect(rest).toEqual([]);
    expect(issue?.pointer).toBe('/nodes/4/config/cases/0/when');
    expect(issue?.nodeId).toBe('check');
    expect(issue?.message).toContain('"contact.callerId" is not a contact field');
    for (const field of CONTACT_FIELDS) expect(issue?.message).toContain(`contact.${field}`);
  });

  it('FLOW033: checks index reads with a literal key and prompt templates too; attributes are free', () => {
    const issues = issuesWithCode('FLOW033', (flow) => {
      nodeOf(flow, 'check').config['cases'] = [
        { id: 'a', when: 'contact["mood"] == 1 || contact.attributes.anything == 2 || contact[channel] == 3' },
      ];
      nodeOf(flow, 'welcome').config['prompt'] = {
        text: { 'en-US': 'Hi {{contact.name}}', 'zh-CN': '您好 {{contact.attributes.name}}' },
      };
    });
    expect(issues.map((issue) => /^"([^"]+)" is not a contact field/.exec(issue.message)?.[1])).toEqual([
      'contact.name',
      'contact.mood',
    ]);
  });

  it('FLOW034: refuses a set node, an ask or a result mapping that stores into contact', () => {
    const issues = issuesWithCode('FLOW034', (flow) => {
      nodeOf(flow, 'askCard').config['variable'] = 'contact.customerId';
      nodeOf(flow, 'lookup').config['customerIdVariable'] = 'contact';
    });
    expect(issues.map((issue) => [issue.nodeId, issue.pointer])).toEqual([
      ['askCard', '/nodes/3/config/variable'],
      ['lookup', '/nodes/5/config/customerIdVariable'],
    ]);
    expect(issues[0]?.message).toMatch(/read-only system information about the contact.*store the value in a variable/);
  });

  it('FLOW034: refuses a flow variable named contact', () => {
    const [issue] = issuesWithCode('FLOW034', (flow) => {
      flow.variables.push({ name: 'contact', type: 'object' });
    });
    expect(issue?.pointer).toBe('/variables/3/name');
    expect(issue?.message).toMatch(/cannot be named "contact"/);
  });

  it('FLOW018: warns when a prompt speaks a sensitive contact field, which is masked', () => {
    const result = validateMutated((flow) => {
      nodeOf(flow, 'welcome').config['prompt'] = {
        text: { 'en-US': 'We will call {{contact.callerNumber}}.', 'zh-CN': '我们会回拨 {{ contact.channel }}。' },
      };
    });
    expect(result.ok).toBe(true);
    const warnings = result.issues.filter((issue) => issue.code === 'FLOW018');
    expect(warnings.map((issue) => issue.pointer)).toEqual(['/nodes/1/config/prompt/text/en-US']);
  });
});
