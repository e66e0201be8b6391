import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '@omniflow/flow-schema';
import { DEFAULT_JSON_MAX_DEPTH } from '../http/limitJsonDepth.ts';
import type { SessionCapLimits } from '../sessions/LiveSessionCaps.ts';
import { loadEgressConfig, SECRET_ALLOW_SUFFIX, type EgressConfig } from './loadEgressConfig.ts';
import { parseTrustProxy, type TrustProxySetting } from './parseTrustProxy.ts';
import { redactionSettings, type RedactionSettings } from './redactionSettings.ts';
import { contactMaskSetting, type ContactMask } from './contactMaskSetting.ts';

/** Which store backs the runtime: the embedded SQLite file or a shared PostgreSQL server. */
export type StoreKind = 'sqlite' | 'postgres';

/** The runtime's resolved configuration. */
export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  store: StoreKind;
  databaseUrl?: string;
  /** Module names of plugin packs to load; a pack that fails to load is logged and skipped. */
  plugins: string[];
  /** Named secrets handed to node handlers (`CORE_BANKING_URL`, `TWILIO_AUTH_TOKEN`, …). */
  secrets: Record<string, string>;
  /** Where each secret may be sent, private destinations handlers may reach, and the drafts' sandbox secrets. */
  egress: EgressConfig;
  /** When set, `/metrics` answers only requests bearing this token (`OMNIFLOW_METRICS_TOKEN`). */
  metricsToken?: string;
  /** Bootstrap admin token; when absent one is generated on first start and kept in the data dir. */
  adminToken?: string;
  corsOrigins: string[];
  rateLimit: { windowMs: number; max: number };
  bodyLimit: string;
  /** How deep request JSON (HTTP and WebSocket) may nest; deeper is a 400 before any processing. */
  jsonMaxDepth: number;
  /** Express's `trust proxy` (`OMNIFLOW_TRUST_PROXY`), so rate limits see the client behind a load balancer. */
  trustProxy: TrustProxySetting;
  /** Serve `/api/auth/local` (a short-lived publisher token for the bundled designer) when bound to loopback. */
  localAuth: boolean;
  /** A directory of flow documents (`*.json`) published on the first start of a data dir; none when absent. */
  seedFlowsDir?: string;
  /** `full` fsyncs every commit (power-loss safe); `normal` is crash-safe for process kills and much faster. */
  sqliteSynchronous: 'normal' | 'full';
  /** Public base URL (for Twilio signature checks behind a proxy); default derived from the request. */
  publicUrl?: string;
  /** The base URL other runtime processes reach this one at (a desk's call audio is carried there); default: the listening URL. */
  peerUrl?: string;
  logLevel: string;
  /** Live sessions one public channel token / one client address may hold (`OMNIFLOW_MAX_SESSIONS_PER_TOKEN`, `…_PER_CLIENT`; 0 = off). */
  sessionCaps: SessionCapLimits;
  /** Active sessions without a turn for this long are ended (abandoned chats, lost calls); 0 disables. */
  sessionIdleMinutes: number;
  /** Directory of the built designer served at `/`, when it exists. */
  designerDir: string;
  /** Base64 of 32 bytes sealing stored session snapshots; when absent, a key file generated in the data dir. */
  snapshotKey?: string;
  /** Earlier snapshot keys (base64), still accepted for reading after a rotation. */
  snapshotOldKeys: string[];
  /** Redaction of caller free text before it is stored or forwarded; on by default. */
  redaction: RedactionSettings;
  /** Contact fields masked wherever shown (`OMNIFLOW_CONTACT_MASK`); callerNumber, dialedNumber, customerId by default. */
  contactMask: string[];
  /** Things the operator should change, logged as warnings at start (a deprecated setting in use). */
  warnings?: string[];
  /** Contacts (with transcripts and sessions) ended longer ago than this many days are deleted; 0 keeps them. */
  contactRetentionDays: number;
  /** How contact records and exports show caller and dialed numbers (from `OMNIFLOW_CONTACT_MASK`). */
  contactNumberMask: ContactMask['numbers'];
}

/** A config problem the operator can fix, with the setting it is about. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SECRET_PREFIX = 'OMNIFLOW_SECRET_';
/** The designer's build output in this checkout (`apps/designer/dist`), wherever the runtime is started from. */
const DEFAULT_DESIGNER_DIR = fileURLToPath(new URL('../../../designer/dist', import.meta.url));

/**
 * Builds the runtime configuration from environment variables and an optional JSON file
 * (`OMNIFLOW_CONFIG` or `options.file`); environment variables win over the file.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: { file?: string; cwd?: string } = {},
): RuntimeConfig {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? env['OMNIFLOW_CONFIG'];
  const fromFile = file ? readConfigFile(resolve(cwd, file)) : {};
  const str = (key: string, envName: string): string | undefined => env[envName] ?? stringField(fromFile, key);

  const port = parsePort(str('port', 'PORT') ?? numberField(fromFile, 'port')?.toString() ?? '3000');
  const store = str('store', 'STORE') ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres')
    throw new ConfigError(`STORE must be "sqlite" or "postgres", got "${store}".`);
  const databaseUrl = str('databaseUrl', 'DATABASE_URL');
  if (store === 'postgres' && !databaseUrl)
    throw new ConfigError('STORE=postgres needs DATABASE_URL (postgres://user:pass@host:port/db).');

  const secrets: Record<string, string> = {};
  const fileSecrets = fromFile['secrets'];
  if (isRecord(fileSecrets)) {
    for (const [name, value] of Object.entries(fileSecrets)) if (typeof value === 'string') secrets[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(SECRET_PREFIX) && !name.endsWith(SECRET_ALLOW_SUFFIX) && value !== undefined)
      secrets[name.slice(SECRET_PREFIX.length)] = value;
  }
  // Twilio's own variable name is accepted as-is, since that is what its docs tell people to set.
  if (env['TWILIO_AUTH_TOKEN'] && !secrets['TWILIO_AUTH_TOKEN'])
    secrets['TWILIO_AUTH_TOKEN'] = env['TWILIO_AUTH_TOKEN'];

  const snapshotKey = str('snapshotKey', 'OMNIFLOW_SNAPSHOT_KEY');
  const snapshotOldKeys = listSetting(env['OMNIFLOW_SNAPSHOT_OLD_KEYS'], fromFile['snapshotOldKeys']) ?? [];
  if (snapshotKey !== undefined && !isSnapshotKey(snapshotKey)) {
    throw new ConfigError('OMNIFLOW_SNAPSHOT_KEY must be base64 of 32 random bytes (openssl rand -base64 32).');
  }
  if (!snapshotOldKeys.every(isSnapshotKey)) {
    throw new ConfigError(
      'OMNIFLOW_SNAPSHOT_OLD_KEYS must be a comma-separated list of base64 32-byte keys (earlier OMNIFLOW_SNAPSHOT_KEY values).',
    );
  }
  // Every process sharing the database must seal with the same key, so a per-data-dir key file will not do.
  if (store === 'postgres' && !snapshotKey) {
    throw new ConfigError(
      'STORE=postgres needs OMNIFLOW_SNAPSHOT_KEY (openssl rand -base64 32), the same in every runtime process.',
    );
  }

  const sync = str('sqliteSynchronous', 'OMNIFLOW_SQLITE_SYNCHRONOUS') ?? 'normal';
  if (sync !== 'normal' && sync !== 'full')
    throw new ConfigError(`OMNIFLOW_SQLITE_SYNCHRONOUS must be "normal" or "full", got "${sync}".`);

  const trustProxy = parseTrustProxy(str('trustProxy', 'OMNIFLOW_TRUST_PROXY'));
  if (trustProxy === undefined) {
    throw new ConfigError(
      'OMNIFLOW_TRUST_PROXY must be true, false, a hop count, or a comma-separated list of proxy addresses/subnets (e.g. 10.0.0.0/8,loopback).',
    );
  }

  const masking = contactMaskSetting(
    env['OMNIFLOW_CONTACT_MASK'] ?? fromFile['contactMask'],
    str('contactNumberMask', 'OMNIFLOW_CONTACT_NUMBER_MASK'),
  );

  const config: RuntimeConfig = {
    port,
    contactNumberMask: masking.mask.numbers,
    contactRetentionDays: nonNegativeInt(
      str('contactRetentionDays', 'OMNIFLOW_CONTACT_RETENTION_DAYS') ?? '0',
      'OMNIFLOW_CONTACT_RETENTION_DAYS',
    ),
    trustProxy,
    host: str('host', 'HOST') ?? '127.0.0.1',
    dataDir: resolve(cwd, str('dataDir', 'DATA_DIR') ?? './.data'),
    store,
    plugins: listSetting(env['OMNIFLOW_PLUGINS'], fromFile['plugins']) ?? ['@omniflow/plugin-banking'],
    secrets,
    egress: loadEgressConfig(env, fromFile, (message) => new ConfigError(message)),
    corsOrigins: listSetting(env['OMNIFLOW_CORS_ORIGINS'], fromFile['corsOrigins']) ?? [],
    rateLimit: {
      windowMs: positiveInt(
        str('rateLimitWindowMs', 'OMNIFLOW_RATE_LIMIT_WINDOW_MS') ?? '60000',
        'OMNIFLOW_RATE_LIMIT_WINDOW_MS',
      ),
      max: positiveInt(str('rateLimitMax', 'OMNIFLOW_RATE_LIMIT_MAX') ?? '6000', 'OMNIFLOW_RATE_LIMIT_MAX'),
    },
    bodyLimit: str('bodyLimit', 'OMNIFLOW_BODY_LIMIT') ?? '1mb',
    jsonMaxDepth: positiveInt(
      str('jsonMaxDepth', 'OMNIFLOW_JSON_MAX_DEPTH') ?? String(DEFAULT_JSON_MAX_DEPTH),
      'OMNIFLOW_JSON_MAX_DEPTH',
    ),
    localAuth: flag(str('localAuth', 'OMNIFLOW_LOCAL_AUTH'), true),
    sqliteSynchronous: sync,
    logLevel: str('logLevel', 'LOG_LEVEL') ?? 'info',
    sessionCaps: {
      perChannelToken: nonNegativeInt(
        str('maxSessionsPerToken', 'OMNIFLOW_MAX_SESSIONS_PER_TOKEN') ?? '5000',
        'OMNIFLOW_MAX_SESSIONS_PER_TOKEN',
      ),
      perClient: nonNegativeInt(
        str('maxSessionsPerClient', 'OMNIFLOW_MAX_SESSIONS_PER_CLIENT') ?? '100',
        'OMNIFLOW_MAX_SESSIONS_PER_CLIENT',
      ),
    },
    sessionIdleMinutes: nonNegativeInt(
      str('sessionIdleMinutes', 'OMNIFLOW_SESSION_IDLE_MINUTES') ?? '60',
      'OMNIFLOW_SESSION_IDLE_MINUTES',
    ),
    designerDir: resolve(cwd, str('designerDir', 'OMNIFLOW_DESIGNER_DIR') ?? DEFAULT_DESIGNER_DIR),
    snapshotOldKeys,
    redaction: redactionSettings(
      flag(str('redaction', 'OMNIFLOW_REDACTION'), true),
      env['OMNIFLOW_REDACTION_ACCOUNT_PATTERNS'] ?? fromFile['redactionAccountPatterns'],
    ),
    contactMask: masking.mask.fields,
  };
  if (masking.warnings.length > 0) config.warnings = masking.warnings;
  if (snapshotKey) config.snapshotKey = snapshotKey;
  if (databaseUrl) config.databaseUrl = databaseUrl;
  const metricsToken = str('metricsToken', 'OMNIFLOW_METRICS_TOKEN');
  if (metricsToken) config.metricsToken = metricsToken;
  const adminToken = str('adminToken', 'OMNIFLOW_ADMIN_TOKEN');
  if (adminToken) config.adminToken = adminToken;
  const seedFlowsDir = str('seedFlowsDir', 'OMNIFLOW_SEED_DIR');
  if (seedFlowsDir) config.seedFlowsDir = resolve(cwd, seedFlowsDir);
  const publicUrl = str('publicUrl', 'OMNIFLOW_PUBLIC_URL');
  if (publicUrl) config.publicUrl = publicUrl.replace(/\/$/, '');
  const peerUrl = str('peerUrl', 'OMNIFLOW_PEER_URL');
  if (peerUrl) config.peerUrl = peerUrl;
  return config;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Cannot read the config file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `The config file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isRecord(parsed)) throw new ConfigError(`The config file ${path} must hold a JSON object.`);
  return parsed;
}

function isSnapshotKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value.trim()) && Buffer.from(value, 'base64').length === 32;
}

function stringField(source: Record<string, unknown>, key: string): string | undefined {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function numberField(source: Record<string, unknown>, key: string): number | undefined {
  const value = source[key];
  return typeof value === 'number' ? value : undefined;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be an integer 0..65535, got "${value}".`);
  return port;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${value}".`);
  return n;
}

function nonNegativeInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number ≥ 0, got "${value}".`);
  return n;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** A comma-separated env list wins over a JSON array from the file; an empty env value means an empty list. */
function listSetting(envValue: string | undefined, fileValue: unknown): string[] | undefined {
  if (envValue !== undefined)
    return envValue
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (Array.isArray(fileValue)) return fileValue.filter((v): v is string => typeof v === 'string');
  return undefined;
}
