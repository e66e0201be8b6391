import { defineNodeSpec, type NodeTypeDefinition, type NodeTypeLabels, type UiLanguage } from '@omniflow/flow-schema';
import { Type, type Static, type TSchema } from 'typebox';

/** Schema of a config field naming a declared flow variable. */
export const bankingVariableSchema = Type.String({ 'x-kind': 'variable', minLength: 1 });

/** Schema of how long to wait for the core-banking service (default 5000 ms); then the `timeout` port. */
export const bankingTimeoutSchema = Type.Integer({ minimum: 100, maximum: 30000 });

/** Config fields every banking node has. */
export interface BankingCallConfig {
  timeoutMs?: Static<typeof bankingTimeoutSchema>;
}

/** What one banking node type's file declares; the shared ports, timeout field and widgets are added here. */
export interface BankingSpecSource<Schema extends TSchema> {
  /** The type id without the `banking.` namespace. */
  name: string;
  icon: string;
  /** The config schema; every banking node also has an optional `timeoutMs` ({@link bankingTimeoutSchema}). */
  config: Schema;
  defaults: Partial<Static<Schema>>;
  /** Ports between `success` and `error`, e.g. `notVerified`. */
  extraPorts?: string[];
  /** Title, description, field labels (by field name, in inspector order, without `timeoutMs`) and extra port labels. */
  labels: Record<
    UiLanguage,
    { title: string; description: string; fields: Record<string, string>; ports?: Record<string, string> }
  >;
}

const SHARED_LABELS: Record<UiLanguage, { category: string; timeout: string; ports: Record<string, string> }> = {
  en: {
    category: 'Banking',
    timeout: 'Timeout (ms)',
    ports: { success: 'Success', error: 'Error', timeout: 'Timeout' },
  },
  'zh-CN': {
    category: '银行业务',
    timeout: '超时（毫秒）',
    ports: { success: '成功', error: '错误', timeout: '超时' },
  },
  ko: { category: '뱅킹', timeout: '타임아웃 (ms)', ports: { success: '성공', error: '오류', timeout: '타임아웃' } },
};

/**
 * Defines one banking node type: an async call to the core-banking service with ports `success`, its extra
 * outcomes, `error` and `timeout`, and an optional `timeoutMs` beside its own fields.
 */
export function bankingSpec<Schema extends TSchema>(
  source: BankingSpecSource<Schema>,
): NodeTypeDefinition<Static<Schema>> {
  const fields = Object.keys(source.labels.en.fields);
  const ui: Record<string, { widget: 'variable' | 'number'; order: number }> = {};
  fields.forEach((field, index) => {
    ui[`/${field}`] = { widget: field.endsWith('Variable') ? 'variable' : 'number', order: index + 1 };
  });
  ui['/timeoutMs'] = { widget: 'number', order: fields.length + 1 };
  const labelsIn = (language: UiLanguage): NodeTypeLabels => {
    const own = source.labels[language];
    const shared = SHARED_LABELS[language];
    const fieldLabels: Record<string, { label: string }> = { '/timeoutMs': { label: shared.timeout } };
    for (const [field, label] of Object.entries(own.fields)) fieldLabels[`/${field}`] = { label };
    return {
      title: own.title,
      category: shared.category,
      description: own.description,
      fields: fieldLabels,
      ports: { ...shared.ports, ...own.ports },
    };
  };
  return defineNodeSpec({
    type: `banking.${source.name}`,
    version: 1,
    category: SHARED_LABELS.en.category,
    icon: source.icon,
    behaviour: 'async',
    pack: 'banking',
    // The names coreBankingClient looks up; spelled here so the spec loads without the client's runtime code.
    secrets: ['CORE_BANKING_URL', 'CORE_BANKING_API_KEY'],
    config: source.config,
    defaults: { ...source.defaults, timeoutMs: 5000 },
    ports: ['success', ...(source.extraPorts ?? []), 'error', 'timeout'].map((name) => ({ name })),
    ui,
    labels: { en: labelsIn('en'), 'zh-CN': labelsIn('zh-CN'), ko: labelsIn('ko') },
  });
}
