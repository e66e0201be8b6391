import { describe, expect, it } from 'vitest';
import { channelSnippets } from './channelSnippets.ts';

describe('channelSnippets', () => {
  const snippets = channelSnippets('https://ivr.example.com/', 'card activation', 'tok"en', 'ko-KR');

  it('builds the chat link and the webhook URLs on the runtime origin with the flow id encoded', () => {
    expect(snippets.chatUrl).toBe('https://ivr.example.com/chat/card%20activation?token=tok%22en');
    expect(snippets.twilioWebhook).toBe('https://ivr.example.com/twilio/voice/card%20activation');
    expect(snippets.twilioKeypadWebhook).toBe('https://ivr.example.com/twilio/voice/card%20activation?channel=dtmf');
  });

  it('streams to the voice gateway over wss with the parameters it reads, escaped for XML', () => {
    expect(snippets.twiml).toContain('<Stream url="wss://ivr.example.com/ws/voice">');
    expect(snippets.twiml).toContain('<Parameter name="flowId" value="card activation" />');
    expect(snippets.twiml).toContain('<Parameter name="token" value="tok&quot;en" />');
    expect(snippets.twiml).toContain('<Parameter name="locale" value="ko-KR" />');
    expect(channelSnippets('http://127.0.0.1:3000', 'f', 't', 'en-US').twiml).toContain(
      'wss://127.0.0.1:3000/ws/voice',
    );
  });

  it('embeds the chat link in an iframe snippet', () => {
    expect(snippets.embed).toMatch(
      /^<iframe src="https:\/\/ivr\.example\.com\/chat\/card%20activation\?token=tok%22en"/,
    );
  });
});
