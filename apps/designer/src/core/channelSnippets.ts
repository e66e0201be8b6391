/** Everything a flow's channels need, built from the runtime's public origin, the flow and a channel token. */
export interface ChannelSnippets {
  chatUrl: string;
  embed: string;
  twilioWebhook: string;
  twilioKeypadWebhook: string;
  twiml: string;
}

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The web chat link and embed snippet, the Twilio webhook URLs and the media-stream TwiML whose `<Parameter>`s
 * (flowId, token, locale) are what the runtime's voice gateway reads from the stream's start message.
 */
export function channelSnippets(origin: string, flowId: string, token: string, locale: string): ChannelSnippets {
  const base = origin.replace(/\/$/, '');
  const id = encodeURIComponent(flowId);
  const chatUrl = `${base}/chat/${id}?token=${encodeURIComponent(token)}`;
  // Twilio only connects media streams over TLS, so the stream URL is always wss.
  const streamUrl = `wss://${new URL(base).host}/ws/voice`;
  return {
    chatUrl,
    embed: `<iframe src="${xmlAttr(chatUrl)}" title="Chat" width="380" height="560" style="border:0"></iframe>`,
    twilioWebhook: `${base}/twilio/voice/${id}`,
    twilioKeypadWebhook: `${base}/twilio/voice/${id}?channel=dtmf`,
    twiml: [
      '<Response>',
      '  <Connect>',
      `    <Stream url="${xmlAttr(streamUrl)}">`,
      `      <Parameter name="flowId" value="${xmlAttr(flowId)}" />`,
      `      <Parameter name="token" value="${xmlAttr(token)}" />`,
      `      <Parameter name="locale" value="${xmlAttr(locale)}" />`,
      '    </Stream>',
      '  </Connect>',
      '</Response>',
    ].join('\n'),
  };
}
