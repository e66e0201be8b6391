import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';

const variable = Type.String({ 'x-kind': 'variable', minLength: 1 });

/** Schema of a `crm.loyaltyTier` node's config; the TypeScript type below is derived from it. */
export const loyaltyTierConfigSchema = Type.Object(
  { phoneVariable: variable, tierVariable: variable },
  { additionalProperties: false },
);

/** A `crm.loyaltyTier` node's config. */
export type LoyaltyTierConfig = Static<typeof loyaltyTierConfigSchema>;

/** `crm.loyaltyTier`: looks up the caller's loyalty tier by phone number (no server code: safe for the browser). */
export const loyaltyTierSpec = defineNodeSpec({
  type: 'crm.loyaltyTier',
  version: 1,
  pack: 'crm',
  secrets: ['CRM_URL'],
  behaviour: 'async',
  category: 'CRM',
  icon: '⭐',
  config: loyaltyTierConfigSchema,
  defaults: { phoneVariable: 'callerNumber', tierVariable: 'tier' },
  ports: [{ name: 'success' }, { name: 'notFound' }, { name: 'error' }, { name: 'timeout' }],
  labels: {
    en: { title: 'Loyalty tier', description: "Looks up the caller's loyalty tier in the CRM." },
    'zh-CN': { title: '会员等级', category: '客户关系', description: '在 CRM 中查询来电者的会员等级。' },
    ko: { title: '멤버십 등급', category: '고객 관리', description: 'CRM에서 고객의 멤버십 등급을 조회합니다.' },
  },
});
