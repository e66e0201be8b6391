import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import { ApiError } from '../http/ApiError.ts';
import { problemsOf } from '../http/validateBody.ts';
import type { FlowStore } from '../store/FlowStore.ts';
import { nextWindowOpening, scheduleProblem } from './callingWindow.ts';
import { CAMPAIGN_CONFIG_SCHEMA } from './campaignSchema.ts';
import type { CampaignConfig, CampaignRecord, CampaignStatus, CampaignStore } from './CampaignStore.ts';
import { parseContactList, type ColumnMapping, type ContactList } from './parseContactList.ts';
import { DEFAULT_STRATEGY, type CampaignStrategy } from './retryDecision.ts';
import type { ListEncoding } from './decodeListText.ts';

const validateConfig = new Ajv({ allErrors: true, strict: false }).compile(CAMPAIGN_CONFIG_SCHEMA);

/** An uploaded list and how to read it. */
export interface ListUpload {
  bytes: Uint8Array;
  format?: 'csv' | 'json' | 'auto';
  encoding?: ListEncoding | 'auto';
  mapping?: ColumnMapping;
}

/** Which status changes a user may make from which status. */
const TRANSITIONS: Record<'start' | 'pause' | 'resume' | 'stop', { from: CampaignStatus[]; to: CampaignStatus }> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  stop: { from: ['running', 'paused', 'draft'], to: 'stopped' },
};

/**
 * Campaigns as the API sees them: settings checked before they are stored, lists read with per-row problems, and
 * start refused with the reason — an unpublished flow, no contacts, a window that never opens — before anyone is dialed.
 */
export class CampaignService {
  readonly #store: CampaignStore;
  readonly #flows: FlowStore;
  readonly #wake: () => void;

  constructor(deps: { store: CampaignStore; flows: FlowStore; wake: () => void }) {
    this.#store = deps.store;
    this.#flows = deps.flows;
    this.#wake = deps.wake;
  }

  create(body: unknown): Promise<CampaignRecord> {
    return this.#store.create(randomUUID(), configFrom(body));
  }

  async update(id: string, body: unknown): Promise<CampaignRecord> {
    const campaign = await this.get(id);
    assertDraft(campaign, 'change its settings');
    await this.#store.updateConfig(id, configFrom(body));
    return this.get(id);
  }

  async get(id: string): Promise<CampaignRecord> {
    const campaign = await this.#store.get(id);
    if (!campaign) throw ApiError.notFound('campaign', id);
    return campaign;
  }

  /** Reads a list without keeping it (the page's preview). */
  preview(upload: ListUpload, defaultRegion: string): ContactList {
    return readList(upload, defaultRegion);
  }

  /** Reads a list and makes it the campaign's contacts (a draft's only). */
  async upload(id: string, upload: ListUpload): Promise<ContactList> {
    const campaign = await this.get(id);
    assertDraft(campaign, 'replace its list');
    const list = readList(upload, campaign.config.defaultRegion);
    await this.#store.replaceContacts(
      id,
      list.contacts,
      {
        encoding: list.encoding,
        columns: list.columns,
        phoneColumn: list.phoneColumn,
        rows: list.contacts.length + list.problems.length,
        problems: list.problems,
      },
      Date.now(),
    );
    return list;
  }

  async transition(id: string, action: keyof typeof TRANSITIONS): Promise<CampaignRecord> {
    const campaign = await this.get(id);
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(campaign.status))
      throw new ApiError(409, {
        code: 'CAMPAIGN_STATUS',
        message: `A ${campaign.status} campaign cannot ${action}; it can from: ${from.join(', ')}.`,
        pointer: '',
      });
    if (action === 'start') await this.#assertStartable(campaign);
    await this.#store.setStatus(id, to);
    if (to === 'running') this.#wake();
    return this.get(id);
  }

  async #assertStartable(campaign: CampaignRecord): Promise<void> {
    const flow = await this.#flows.getFlow(campaign.config.flowId);
    if (!flow)
      throw new ApiError(422, {
        code: 'NO_FLOW',
        message: `No flow "${campaign.config.flowId}"; pick an existing flow.`,
        pointer: '/flowId',
      });
    if (flow.liveVersion === null)
      throw new ApiError(409, {
        code: 'NOT_PUBLISHED',
        message: `Flow "${flow.id}" has no published version; publish it before starting the campaign.`,
        pointer: '/flowId',
      });
    if ((await this.#store.contactCount(campaign.id)) === 0)
      throw new ApiError(422, {
        code: 'EMPTY_LIST',
        message: 'The campaign has no contacts to call; upload a list with at least one valid row.',
        pointer: '/list',
      });
    const from = new Date(Math.max(Date.now(), Date.parse(campaign.config.schedule.startAt)));
    const reachable = (await this.#store.zoneSets(campaign.id)).some(
      (zones) => nextWindowOpening(campaign.config.schedule, zones, from) !== undefined,
    );
    if (!reachable)
      throw new ApiError(422, {
        code: 'WINDOW_NEVER_OPENS',
        message:
          'The calling window never opens for any contact before the campaign ends (in their time zones); widen the window, the days or the dates.',
        pointer: '/schedule',
      });
  }
}

function configFrom(body: unknown): CampaignConfig {
  if (!validateConfig(body)) throw new ApiError(400, problemsOf(validateConfig.errors ?? []));
  const input = body as Omit<CampaignConfig, 'strategy' | 'dialer' | 'defaultRegion' | 'schedule'> & {
    schedule: Partial<CampaignConfig['schedule']> & Pick<CampaignConfig['schedule'], 'startAt' | 'endAt' | 'window'>;
    strategy?: Partial<CampaignStrategy> & { rules?: Partial<CampaignStrategy['rules']> };
    dialer?: CampaignConfig['dialer'];
    defaultRegion?: string;
  };
  const config: CampaignConfig = {
    ...input,
    defaultRegion: (input.defaultRegion ?? 'US').toUpperCase(),
    dialer: input.dialer ?? 'simulator',
    schedule: {
      startAt: input.schedule.startAt,
      endAt: input.schedule.endAt,
      days: input.schedule.days ?? [0, 1, 2, 3, 4, 5, 6],
      holidays: input.schedule.holidays ?? [],
      window: input.schedule.window,
    },
    strategy: {
      rules: { ...DEFAULT_STRATEGY.rules, ...input.strategy?.rules },
      ...(input.strategy?.smsTemplate ? { smsTemplate: input.strategy.smsTemplate } : {}),
    },
  };
  const problem = scheduleProblem(config.schedule);
  if (problem) throw new ApiError(422, { code: 'BAD_SCHEDULE', ...problem });
  const wantsSms = Object.values(config.strategy.rules).some((r) => r.smsFallback);
  if (wantsSms && Object.keys(config.strategy.smsTemplate ?? {}).length === 0)
    throw new ApiError(422, {
      code: 'NO_SMS_TEMPLATE',
      message: 'A rule falls back to a text message but strategy.smsTemplate is empty; write the text (per locale).',
      pointer: '/strategy/smsTemplate',
    });
  return config;
}

function readList(upload: ListUpload, defaultRegion: string): ContactList {
  const parsed = parseContactList({
    bytes: upload.bytes,
    defaultRegion,
    ...(upload.format ? { format: upload.format } : {}),
    ...(upload.encoding ? { encoding: upload.encoding } : {}),
    ...(upload.mapping ? { mapping: upload.mapping } : {}),
  });
  if (!parsed.ok)
    throw new ApiError(422, {
      code: parsed.refusal.code,
      message: parsed.refusal.message,
      pointer: parsed.refusal.line === undefined ? '/list' : `/list/lines/${parsed.refusal.line}`,
    });
  return parsed.list;
}

function assertDraft(campaign: CampaignRecord, what: string): void {
  if (campaign.status !== 'draft')
    throw new ApiError(409, {
      code: 'CAMPAIGN_STATUS',
      message: `The campaign is ${campaign.status}; only a draft campaign can ${what}. Create a new campaign instead.`,
      pointer: '',
    });
}
