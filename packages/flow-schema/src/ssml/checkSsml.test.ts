import { describe, expect, it } from 'vitest';
import { issuesWithCode, nodeOf } from '../validation/validationFixtures.ts';

describe('checkSsml (FLOW060)', () => {
  it("reports each locale's broken SSML with its position, and accepts valid SSML", () => {
    const issues = issuesWithCode('FLOW060', (flow) => {
      nodeOf(flow, 'welcome').config['prompt'] = {
        text: { 'en-US': 'Hello.', 'zh-CN': '你好。' },
        ssml: { 'en-US': '<speak>Hello<break time="300ms"/>.</speak>', 'zh-CN': '<speak>你好<audio src="x"/>' },
      };
    });
    expect(issues.map((issue) => [issue.nodeId, issue.pointer, issue.rule?.params['code']])).toEqual([
      ['welcome', '/nodes/1/config/prompt/ssml/zh-CN', 'unknownTag'],
      ['welcome', '/nodes/1/config/prompt/ssml/zh-CN', 'unclosed'],
    ]);
    expect(issues[0]?.severity).toBe('error');
    expect(issues[0]?.message).toMatch(/^SSML \(zh-CN\): <audio> is not supported; use speak/);
  });
});
