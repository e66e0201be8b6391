import { ApiError, apiRequest } from '../api/runtimeClient.ts';

/** The dashboard figures the runtime answers for a range (`/api/insights/dashboard`). */
export interface DashboardFigures {
  volume: { day: string; channel: string; outcome: string; contacts: number }[];
  containment: { contacts: number; contained: number };
  transferReasons: { reason: string; contacts: number }[];
  sentiment: { day: string; average: number; contacts: number }[];
  topCategories: { category: string; contacts: number }[];
}

/** One node's figures on the canvas overlay. */
export interface NodeFigures {
  nodeId: string;
  visits: number;
  dropOffs: number;
  noMatch: number;
  noInput: number;
  averageSeconds: number;
}

/** QA average per day, flow, queue and agent (null: the bot alone). */
export interface QaPoint {
  day: string;
  flowId: string;
  queue: string | null;
  agentId: string | null;
  contacts: number;
  averageScore: number;
}

/** One agent's figures over a range. */
export interface AgentFigures {
  agentId: string;
  handled: number;
  averageHandleSeconds: number;
  averageQaScore: number;
  averageSentiment: number | null;
}

/** A finished contact's stored insights (`/api/insights/contacts/:id`). */
export interface ContactInsights {
  outcome: string;
  agentId: string | null;
  handleSeconds: number | null;
  categories: string[];
  summary: { reason: string; actions: string[]; outcome: string; openItems: string[]; conversation?: string[] };
  qa: { score: number; criteria: Record<string, boolean | null> };
}

/** A real-time alert as the runtime publishes it. */
export interface InsightAlert {
  id: number;
  sessionId: string;
  flowId: string;
  channel: string;
  category: string;
  at: string;
}

/** A day range, YYYY-MM-DD, and optionally one flow. */
export interface DayRange {
  from: string;
  to: string;
  flowId?: string;
}

function query(range: DayRange): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (range.flowId) params.set('flowId', range.flowId);
  return params.toString();
}

/** The insights API of the runtime. */
export const insightsClient = {
  dashboard: async (range: DayRange): Promise<DashboardFigures> =>
    (await apiRequest<{ dashboard: DashboardFigures }>('GET', `/api/insights/dashboard?${query(range)}`)).dashboard,
  /** A contact's insights, or null while it is not analyzed (still going on, or waiting for the agent's wrap-up). */
  contact: async (id: string): Promise<ContactInsights | null> => {
    try {
      return (await apiRequest<{ contact: ContactInsights }>('GET', `/api/insights/contacts/${encodeURIComponent(id)}`))
        .contact;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  agents: async (range: DayRange): Promise<AgentFigures[]> =>
    (await apiRequest<{ agents: AgentFigures[] }>('GET', `/api/insights/agents?${query(range)}`)).agents,
  qa: async (range: DayRange): Promise<QaPoint[]> =>
    (await apiRequest<{ qa: QaPoint[] }>('GET', `/api/insights/qa?${query(range)}`)).qa,
  nodes: async (flowId: string, range: DayRange): Promise<{ version: number; nodes: NodeFigures[] }> =>
    apiRequest(
      'GET',
      `/api/insights/flows/${encodeURIComponent(flowId)}/nodes?${query({ from: range.from, to: range.to })}`,
    ),
  rules: async (scope: string): Promise<{ rules: unknown[]; webhooks?: string[]; scorecard?: unknown }> =>
    apiRequest('GET', `/api/insights/rules/${encodeURIComponent(scope)}`),
  saveRules: async (
    scope: string,
    body: { rules: unknown; webhooks: string[]; scorecard?: unknown },
  ): Promise<void> => {
    await apiRequest('PUT', `/api/insights/rules/${encodeURIComponent(scope)}`, body);
  },
  alerts: async (): Promise<InsightAlert[]> =>
    (await apiRequest<{ alerts: InsightAlert[] }>('GET', '/api/insights/alerts')).alerts,
};

/** The last `days` days up to today, as UTC days. */
export function lastDays(days: number, now = Date.now()): { from: string; to: string } {
  return {
    from: new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10),
    to: new Date(now).toISOString().slice(0, 10),
  };
}
