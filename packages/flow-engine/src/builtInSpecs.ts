/*
 * The browser-safe entry point `@omniflow/flow-engine/specs`: every built-in node type's spec and config type,
 * and the schema parts plugin specs reuse. It imports no runtime code (a test walks its imports to keep it so).
 */
import type { NodeTypeCatalog, NodeTypeDefinition } from '@omniflow/flow-schema';
import { askSpec } from './nodes/ask/askSpec.ts';
import { conditionSpec } from './nodes/condition/conditionSpec.ts';
import { endSpec } from './nodes/end/endSpec.ts';
import { hoursSpec } from './nodes/hours/hoursSpec.ts';
import { httpSpec } from './nodes/http/httpSpec.ts';
import { languageSpec } from './nodes/language/languageSpec.ts';
import { menuSpec } from './nodes/menu/menuSpec.ts';
import { messageSpec } from './nodes/message/messageSpec.ts';
import { setSpec } from './nodes/set/setSpec.ts';
import { promiseSpec } from './nodes/promise/promiseSpec.ts';
import { startSpec } from './nodes/start/startSpec.ts';
import { subflowSpec } from './nodes/subflow/subflowSpec.ts';
import { surveySpec } from './nodes/survey/surveySpec.ts';
import { transactionSpec } from './nodes/transaction/transactionSpec.ts';
import { transferSpec } from './nodes/transfer/transferSpec.ts';
import { queueSpec } from './nodes/queue/queueSpec.ts';

/** Every built-in node type's spec definition (JSON spec, migrations, validation hook), in palette order. */
export const builtInSpecs: readonly NodeTypeDefinition[] = [
  startSpec,
  messageSpec,
  menuSpec,
  askSpec,
  languageSpec,
  conditionSpec,
  setSpec,
  transactionSpec,
  transferSpec,
  queueSpec,
  hoursSpec,
  subflowSpec,
  endSpec,
  httpSpec,
  surveySpec,
  promiseSpec,
];

/** The built-in types as a validation catalog, with no runtime code: what `validateFlow` needs in a browser. */
export function builtInSpecCatalog(extra: readonly NodeTypeDefinition[] = []): NodeTypeCatalog {
  return new Map([...builtInSpecs, ...extra].map((definition) => [definition.spec.type, definition]));
}

export {
  startSpec,
  messageSpec,
  menuSpec,
  askSpec,
  languageSpec,
  conditionSpec,
  setSpec,
  transactionSpec,
  transferSpec,
  queueSpec,
  hoursSpec,
  subflowSpec,
  endSpec,
  httpSpec,
  surveySpec,
  promiseSpec,
};
export type { StartConfig } from './nodes/start/startSpec.ts';
export type { MessageConfig } from './nodes/message/messageSpec.ts';
export type { MenuConfig, MenuOption } from './nodes/menu/menuSpec.ts';
export type { AskConfig, SlotConfig, SlotType, SlotChoice } from './nodes/ask/askSpec.ts';
export type { LanguageConfig, LanguageOption } from './nodes/language/languageSpec.ts';
export type { ConditionConfig, ConditionCase } from './nodes/condition/conditionSpec.ts';
export type { SetConfig } from './nodes/set/setSpec.ts';
export type { TransactionConfig } from './nodes/transaction/transactionSpec.ts';
export type { TransferConfig } from './nodes/transfer/transferSpec.ts';
export type { QueueConfig } from './nodes/queue/queueSpec.ts';
export type { HoursConfig, OpeningHours } from './nodes/hours/hoursSpec.ts';
export type { SubflowConfig } from './nodes/subflow/subflowSpec.ts';
export type { EndConfig } from './nodes/end/endSpec.ts';
export type { SurveyConfig } from './nodes/survey/surveySpec.ts';
export type { PromiseConfig } from './nodes/promise/promiseSpec.ts';
export type { HttpNodeConfig, HttpMethod, HttpResponseMapping } from './nodes/http/httpSpec.ts';
export {
  mapOf,
  localizedTextSchema,
  promptSchema,
  retryPolicySchema,
  synonymsSchema,
  variableNameSchema,
  expressionSchema,
  templateSchema,
  endOfSpeechSchema,
} from './nodes/nodeSchemaParts.ts';
