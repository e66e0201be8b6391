import { apiRequest, ApiError, bearerToken, field } from '../api/runtimeClient.ts';

/** Progress counts as the runtime reports them. */
export interface CampaignProgress {
  contacts: number;
  finished: number;
  pending: number;
  inProgress: number;
  attempts: number;
  connected: number;
  completed: number;
  outcomes: Record<string, number>;
  /** Call attempts by result (completed, busy, noAnswer, …). */
  results?: Record<string, number>;
}

/** A campaign as listed. */
export interface CampaignView {
  id: string;
  status: 'draft' | 'running' | 'paused' | 'stopped' | 'completed';
  config: { name: string; flowId: string; defaultRegion: string };
  progress?: CampaignProgress;
}

/** A read list: how many contacts, and the rows left out with their line and reason. */
export interface ListReport {
  encoding: string;
  contactCount: number;
  columns: string[];
  contacts: { line: number; phone: string; variables: Record<string, string> }[];
  problems: { line: number; code: string; message: string }[];
}

/** One contact's result. */
export interface ContactResult {
  seq: number;
  line: number;
  phone: string;
  state: 'pending' | 'dialing' | 'sms' | 'texting' | 'done';
  attempts: number;
  lastResult: string | null;
  outcome: string | null;
  variables: Record<string, string>;
}

/** The campaign API of the runtime (`/api/campaigns`). */
export const campaignClient = {
  list: async (): Promise<CampaignView[]> =>
    field(await apiRequest('GET', '/api/campaigns'), 'campaigns') as CampaignView[],
  get: async (id: string): Promise<{ campaign: CampaignView; progress: CampaignProgress }> =>
    apiRequest('GET', `/api/campaigns/${encodeURIComponent(id)}`),
  create: async (body: unknown): Promise<CampaignView> =>
    field(await apiRequest('POST', '/api/campaigns', body), 'campaign') as CampaignView,
  act: async (id: string, action: 'start' | 'pause' | 'resume' | 'stop'): Promise<void> => {
    await apiRequest('POST', `/api/campaigns/${encodeURIComponent(id)}/${action}`, {});
  },
  contacts: async (id: string): Promise<ContactResult[]> =>
    field(
      await apiRequest('GET', `/api/campaigns/${encodeURIComponent(id)}/contacts?limit=200`),
      'contacts',
    ) as ContactResult[],
  /** Reads a list file (`preview` keeps nothing) or makes it the campaign's list. */
  sendList: async (
    target: { preview: string } | { campaignId: string },
    file: Blob,
    encoding: string,
  ): Promise<ListReport> => {
    const query = `encoding=${encodeURIComponent(encoding)}`;
    const path =
      'preview' in target
        ? `/api/campaigns/lists/preview?region=${encodeURIComponent(target.preview)}&${query}`
        : `/api/campaigns/${encodeURIComponent(target.campaignId)}/list?${query}`;
    return rawRequest('preview' in target ? 'POST' : 'PUT', path, file) as Promise<ListReport>;
  },
  /** Downloads the per-contact results as a CSV file. */
  exportCsv: async (id: string): Promise<void> => {
    const token = await bearerToken();
    const response = await fetch(`/api/campaigns/${encodeURIComponent(id)}/contacts.csv`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `campaign-${id}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  },
};

async function rawRequest(method: string, path: string, body: Blob): Promise<unknown> {
  const token = await bearerToken();
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = field(parsed, 'errors');
    const items = Array.isArray(errors)
      ? errors.map((e) => ({ code: String(field(e, 'code')), message: String(field(e, 'message')) }))
      : [{ code: String(response.status), message: `HTTP ${response.status}` }];
    throw new ApiError(response.status, items, parsed);
  }
  return parsed;
}
