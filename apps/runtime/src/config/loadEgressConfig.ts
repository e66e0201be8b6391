/** Where secrets may go and which private destinations handlers may reach, from the environment and the config file. */
export interface EgressConfig {
  /** Per secret name, the origins it may be sent to (`OMNIFLOW_SECRET_<NAME>_ALLOW`); a secret without one goes nowhere. */
  secretAllow: Record<string, string[]>;
  /** Origins handlers may reach although they are (or resolve to) private addresses (`OMNIFLOW_EGRESS_ALLOW`). */
  egressAllow: string[];
  /** Secrets of draft sessions (`OMNIFLOW_DRAFT_SECRET_<NAME>`): sandbox values; drafts never see the real ones. */
  draftSecrets: Record<string, string>;
}

/** The suffix naming a secret's allow-list among the `OMNIFLOW_SECRET_*` variables. */
export const SECRET_ALLOW_SUFFIX = '_ALLOW';
const DRAFT_PREFIX = 'OMNIFLOW_DRAFT_SECRET_';

/**
 * Reads the egress settings; `invalid` receives a message for an entry that is not an http(s) origin, so the
 * config names the variable. File keys: `secretAllow` (name → origins), `egressAllow`, `draftSecrets`.
 */
export function loadEgressConfig(
  env: NodeJS.ProcessEnv,
  file: Record<string, unknown>,
  invalid: (message: string) => Error,
): EgressConfig {
  const secretAllow: Record<string, string[]> = {};
  const fileAllow = file['secretAllow'];
  if (isRecord(fileAllow)) {
    for (const [name, origins] of Object.entries(fileAllow)) {
      if (Array.isArray(origins))
        secretAllow[name] = origins
          .filter((o): o is string => typeof o === 'string')
          .map((o) => originOf(o, `secretAllow.${name}`, invalid));
    }
  }
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('OMNIFLOW_SECRET_') || !key.endsWith(SECRET_ALLOW_SUFFIX) || value === undefined) continue;
    const name = key.slice('OMNIFLOW_SECRET_'.length, -SECRET_ALLOW_SUFFIX.length);
    secretAllow[name] = list(value).map((o) => originOf(o, key, invalid));
  }
  const egressEnv = env['OMNIFLOW_EGRESS_ALLOW'];
  const egressFile = file['egressAllow'];
  const egressAllow = (
    egressEnv !== undefined
      ? list(egressEnv)
      : Array.isArray(egressFile)
        ? egressFile.filter((o): o is string => typeof o === 'string')
        : []
  ).map((o) => originOf(o, 'OMNIFLOW_EGRESS_ALLOW', invalid));
  const draftSecrets: Record<string, string> = {};
  const fileDraft = file['draftSecrets'];
  if (isRecord(fileDraft))
    for (const [name, value] of Object.entries(fileDraft)) if (typeof value === 'string') draftSecrets[name] = value;
  for (const [key, value] of Object.entries(env))
    if (key.startsWith(DRAFT_PREFIX) && value !== undefined) draftSecrets[key.slice(DRAFT_PREFIX.length)] = value;
  return { secretAllow, egressAllow, draftSecrets };
}

function originOf(value: string, setting: string, invalid: (message: string) => Error): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // reported below with the setting's name
  }
  throw invalid(`${setting} must list http(s) origins such as https://core.bank.internal, got "${value}".`);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
