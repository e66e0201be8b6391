import type { JsonSchema, JsonValue, NodeTypeSpec, UiHint } from '@omniflow/flow-schema';

/** Config fields every banking node has. */
export interface BankingCallConfig {
  /** How long to wait for the core-banking service (default 5000 ms); then the `timeout` port. */
  timeoutMs?: number;
}

/** `banking.verifyCustomer` config. Ports: `success`, `notVerified`, `error`, `timeout`. */
export interface VerifyCustomerConfig extends BankingCallConfig {
  cardLastFourVariable: string;
  dateOfBirthVariable: string;
  customerIdVariable: string;
  customerNameVariable?: string;
}

/** `banking.getBalance` config. Ports: `success`, `error`, `timeout`. */
export interface GetBalanceConfig extends BankingCallConfig {
  customerIdVariable: string;
  balanceVariable: string;
  currencyVariable?: string;
  /** Receives the balance formatted for the session's locale, ready to be said: `$2,450.75`, `¥18,200.00`. */
  balanceTextVariable?: string;
}

/** `banking.recentTransactions` config. Ports: `success`, `error`, `timeout`. */
export interface RecentTransactionsConfig extends BankingCallConfig {
  customerIdVariable: string;
  count: number;
  /** Receives a sentence listing the transactions in the session's locale. */
  summaryVariable: string;
}

/** `banking.activateCard` config. Ports: `success`, `alreadyActive`, `error`, `timeout`. */
export interface ActivateCardConfig extends BankingCallConfig {
  customerIdVariable: string;
  cardLastFourVariable: string;
}

/** `banking.setPin` config. Ports: `success`, `rejected`, `error`, `timeout`. The PIN variable is cleared after the call. */
export interface SetPinConfig extends BankingCallConfig {
  customerIdVariable: string;
  pinVariable: string;
  /** When set, only this card's PIN changes; otherwise every card of the customer that is not lost. */
  cardLastFourVariable?: string;
  /** Receives why a PIN was rejected: `sameDigits`, `sequence`, `dateOfBirth` or `format`. */
  rejectionVariable?: string;
}

/** `banking.reportLostCard` config. Ports: `success`, `error`, `timeout`. */
export interface ReportLostCardConfig extends BankingCallConfig {
  customerIdVariable: string;
  cardLastFourVariable: string;
  /** Receives the replacement card's delivery date, `YYYY-MM-DD`. */
  etaVariable: string;
}

const variable: JsonSchema = { 'x-kind': 'variable', type: 'string', minLength: 1 };
const timeoutMs: JsonSchema = { type: 'integer', minimum: 100, maximum: 30000 };
const basePorts = ['success', 'error', 'timeout'];
const portLabels: Record<string, string> = {
  success: 'Success',
  error: 'Error',
  timeout: 'Timeout',
  notVerified: 'Not verified',
  alreadyActive: 'Already active',
  rejected: 'PIN rejected',
};

interface BankingSpecParts {
  type: string;
  title: string;
  description: string;
  icon: string;
  required: string[];
  optional?: string[];
  extraProperties?: Record<string, JsonSchema>;
  defaults: Record<string, JsonValue>;
  extraPorts?: string[];
}

function bankingSpec(parts: BankingSpecParts): NodeTypeSpec {
  const fields = [...parts.required, ...(parts.optional ?? [])];
  const properties: Record<string, JsonSchema> = { timeoutMs };
  const ui: Record<string, UiHint> = {};
  fields.forEach((field, index) => {
    properties[field] = parts.extraProperties?.[field] ?? variable;
    ui[`/${field}`] = { widget: field.endsWith('Variable') ? 'variable' : 'number', label: labelOf(field), order: index + 1 };
  });
  ui['/timeoutMs'] = { widget: 'number', label: 'Timeout (ms)', order: fields.length + 1 };
  const ports = [basePorts[0] ?? 'success', ...(parts.extraPorts ?? []), ...basePorts.slice(1)];
  return {
    type: parts.type,
    version: 1,
    title: parts.title,
    description: parts.description,
    category: 'Banking',
    icon: parts.icon,
    behaviour: 'async',
    pack: 'banking',
    configSchema: { type: 'object', required: parts.required, additionalProperties: false, properties },
    defaults: { ...parts.defaults, timeoutMs: 5000 },
    ports: ports.map((name) => ({ name, label: portLabels[name] ?? name })),
    ui,
  };
}

/** `cardLastFourVariable` → `Card last four`. */
function labelOf(field: string): string {
  const words = field.replace(/Variable$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Identifies a caller by a card's last four digits and their date of birth. */
export const verifyCustomerSpec = bankingSpec({
  type: 'banking.verifyCustomer',
  title: 'Verify customer',
  description: 'Identifies the caller by card last four digits and date of birth.',
  icon: '🪪',
  required: ['cardLastFourVariable', 'dateOfBirthVariable', 'customerIdVariable'],
  optional: ['customerNameVariable'],
  defaults: {
    cardLastFourVariable: 'cardLastFour',
    dateOfBirthVariable: 'dateOfBirth',
    customerIdVariable: 'customerId',
    customerNameVariable: 'customerName',
  },
  extraPorts: ['notVerified'],
});

/** Reads a verified customer's account balance. */
export const getBalanceSpec = bankingSpec({
  type: 'banking.getBalance',
  title: 'Get balance',
  description: "Reads the customer's account balance.",
  icon: '💰',
  required: ['customerIdVariable', 'balanceVariable'],
  optional: ['currencyVariable', 'balanceTextVariable'],
  defaults: { customerIdVariable: 'customerId', balanceVariable: 'balance', currencyVariable: 'currency', balanceTextVariable: 'balanceText' },
});

/** Summarizes a customer's most recent transactions into one sentence. */
export const recentTransactionsSpec = bankingSpec({
  type: 'banking.recentTransactions',
  title: 'Recent transactions',
  description: "Summarizes the customer's most recent transactions, ready to be said.",
  icon: '🧾',
  required: ['customerIdVariable', 'count', 'summaryVariable'],
  extraProperties: { count: { type: 'integer', minimum: 1, maximum: 10 } },
  defaults: { customerIdVariable: 'customerId', count: 3, summaryVariable: 'transactionsSummary' },
});

/** Activates an inactive card. */
export const activateCardSpec = bankingSpec({
  type: 'banking.activateCard',
  title: 'Activate card',
  description: 'Activates the card with these last four digits.',
  icon: '✅',
  required: ['customerIdVariable', 'cardLastFourVariable'],
  defaults: { customerIdVariable: 'customerId', cardLastFourVariable: 'cardLastFour' },
  extraPorts: ['alreadyActive'],
});

/** Sets a new card PIN (keypad-only, sensitive); trivial PINs take `rejected`. */
export const setPinSpec = bankingSpec({
  type: 'banking.setPin',
  title: 'Set PIN',
  description: 'Sets a new PIN; the bank rejects trivial ones. Collect the PIN into a sensitive variable.',
  icon: '🔐',
  required: ['customerIdVariable', 'pinVariable'],
  optional: ['cardLastFourVariable', 'rejectionVariable'],
  defaults: { customerIdVariable: 'customerId', pinVariable: 'newPin' },
  extraPorts: ['rejected'],
});

/** Reports a card lost or stolen and orders a replacement. */
export const reportLostCardSpec = bankingSpec({
  type: 'banking.reportLostCard',
  title: 'Report lost card',
  description: 'Blocks the card and orders a replacement; gives its delivery date.',
  icon: '🚫',
  required: ['customerIdVariable', 'cardLastFourVariable', 'etaVariable'],
  defaults: { customerIdVariable: 'customerId', cardLastFourVariable: 'cardLastFour', etaVariable: 'replacementEta' },
});

/** The banking pack's node type specs: JSON only, safe to import in the browser. */
export const bankingDefinitions: NodeTypeSpec[] = [
  verifyCustomerSpec,
  getBalanceSpec,
  recentTransactionsSpec,
  activateCardSpec,
  setPinSpec,
  reportLostCardSpec,
];
