/** Express's `trust proxy` setting: off, on (every hop), a hop count, or a list of trusted proxy addresses/subnets. */
export type TrustProxySetting = boolean | number | string[];

/**
 * Reads `OMNIFLOW_TRUST_PROXY`: unset or `false` trusts no proxy (the TCP peer is the client), `true` every hop, a
 * number that many hops, otherwise a comma-separated list of addresses, subnets or express names (`loopback`,
 * `uniquelocal`). `undefined` when the value is none of these, so the config names the variable.
 */
export function parseTrustProxy(value: string | undefined): TrustProxySetting | undefined {
  if (value === undefined || value.trim() === '' || /^(false|0|no|off)$/i.test(value.trim())) return false;
  const text = value.trim();
  if (/^(true|yes|on)$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const valid = entries.every(
    (entry) => /^(loopback|linklocal|uniquelocal)$/.test(entry) || /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry),
  );
  return valid ? entries : undefined;
}
