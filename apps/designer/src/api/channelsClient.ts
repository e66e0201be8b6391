import { apiRequest, field } from './runtimeClient.ts';

/** A flow's channel token as listed (the secret itself is only returned once, on creation). */
export interface ChannelToken {
  id: string;
  label: string;
  createdAt: string;
}

function toChannelToken(record: unknown): ChannelToken {
  return {
    id: String(field(record, 'id') ?? ''),
    label: String(field(record, 'label') ?? ''),
    createdAt: String(field(record, 'createdAt') ?? ''),
  };
}

function path(flowId: string, tokenId?: string): string {
  return `/api/flows/${encodeURIComponent(flowId)}/channel-links${tokenId === undefined ? '' : `/${encodeURIComponent(tokenId)}`}`;
}

/** The runtime's per-flow channel-token API for publishers (`/api/flows/:id/channel-links`). */
export const channelsClient = {
  list: async (flowId: string): Promise<ChannelToken[]> => {
    const tokens = field(await apiRequest('GET', path(flowId)), 'tokens');
    return Array.isArray(tokens) ? tokens.map(toChannelToken) : [];
  },
  create: async (flowId: string, label: string): Promise<{ token: string; record: ChannelToken }> => {
    const body = await apiRequest('POST', path(flowId), label ? { label } : {});
    return { token: String(field(body, 'token') ?? ''), record: toChannelToken(field(body, 'record')) };
  },
  revoke: async (flowId: string, tokenId: string): Promise<void> => {
    await apiRequest('DELETE', path(flowId, tokenId));
  },
};
