export {
  CURRENT_SCHEMA_VERSION,
  CHANNELS,
  ESCALATION_VERSION,
  ANNOTATIONS_VERSION,
  ANNOTATION_COLORS,
} from './flowDocument.ts';
export type {
  Locale,
  LocalizedText,
  Channel,
  Prompt,
  VariableType,
  VariableDeclaration,
  RetryPolicy,
  GlobalIntent,
  FlowSettings,
  VoiceChoice,
  CanvasPosition,
  FlowNode,
  FlowEdge,
  FlowDocument,
  EscalationSettings,
  EscalationRule,
  EscalationTrigger,
  EscalationAction,
  AnnotationColor,
  CanvasSize,
  CanvasNote,
  CanvasGroup,
  CanvasAnnotations,
} from './flowDocument.ts';
export type {
  JsonSchema,
  JsonValue,
  FieldKind,
  PortSpec,
  PortInfo,
  UiHint,
  NodeBehaviour,
  NodeTypeSpec,
  NodeConfigMigration,
  NodeTypeDefinition,
  NodeTypeCatalog,
  NodeCheckContext,
  NodeTypeLabels,
  FieldLabels,
  UiLanguage,
} from './nodeTypeSpec.ts';
export { UI_LANGUAGES } from './nodeTypeSpec.ts';
export { defineNodeSpec } from './defineNodeSpec.ts';
export type { NodeSpecSource } from './defineNodeSpec.ts';
export { parseExpression, MAX_EXPRESSION_LENGTH } from './expression/parseExpression.ts';
export type { ParseExpressionResult } from './expression/parseExpression.ts';
export { evaluateExpression } from './expression/evaluateExpression.ts';
export type { ExpressionEnvironment } from './expression/expressionFunctions.ts';
export { expressionVariables } from './expression/expressionVariables.ts';
export { EXPRESSION_FUNCTIONS, EXPRESSION_FUNCTION_ARITY, isExpressionFunction } from './expression/expressionAst.ts';
export type { ExpressionAst, BinaryOperator, ExpressionFunctionName } from './expression/expressionAst.ts';
export type { ExpressionSyntaxError } from './expression/tokenizeExpression.ts';
export { isTruthy } from './expression/expressionValues.ts';
export { renderTemplate, templateVariables, templatePlaceholders } from './template/renderTemplate.ts';
export type { TemplatePlaceholder } from './template/renderTemplate.ts';
export { derivePorts } from './ports/derivePorts.ts';
export { jsonPointer, resolvePointer } from './jsonPointer.ts';
export { isRecord } from './isRecord.ts';
export { exhaustive } from './exhaustive.ts';
export { escalationJsonSchema } from './escalationJsonSchema.ts';
export { annotationsJsonSchema } from './annotationsJsonSchema.ts';
export { flowJsonSchema, promptJsonSchema, localizedTextJsonSchema, retryPolicyJsonSchema } from './flowJsonSchema.ts';
export { validateFlow } from './validation/validateFlow.ts';
export type { ValidateFlowResult } from './validation/validateFlow.ts';
export {
  CONTACT_ROOT,
  CONTACT_FIELDS,
  DEFAULT_SENSITIVE_CONTACT_FIELDS,
  isContactField,
  contactFieldOf,
} from './contact/contactFields.ts';
export type { ContactField, ContactDirection, ContactSentimentTrend } from './contact/contactFields.ts';
export {
  CONTACT_LIMITS,
  CONTACT_ATTRIBUTE_NAME,
  contactAttributesJsonSchema,
  contactInputJsonSchema,
  testContactJsonSchema,
} from './contact/contactFactsJsonSchema.ts';
export { rootFieldReads } from './expression/rootFieldReads.ts';
export { IMPLICIT_VARIABLES, MAX_ISSUES } from './validation/validationContext.ts';
export type { ValidateFlowOptions } from './validation/validationContext.ts';
export { FLOW_ISSUE_CODES, flowIssue } from './validation/flowIssue.ts';
export type { FlowIssue, FlowIssueCode, IssueRule } from './validation/flowIssue.ts';
export { OPTIONAL_PORTS } from './validation/checkGraph.ts';
export { collectConfigFields } from './validation/collectConfigFields.ts';
export type { ConfigField } from './validation/collectConfigFields.ts';
export { flowAjv } from './validation/schemaCompiler.ts';
export { migrateFlow, FLOW_MIGRATIONS } from './migrations/migrateFlow.ts';
export type { MigrateFlowResult } from './migrations/migrateFlow.ts';
export { migrateNodeConfig } from './migrations/migrateNodeConfig.ts';
export type { MigrateNodeConfigResult } from './migrations/migrateNodeConfig.ts';
export type { FlowMigration } from './migrations/flowMigration.ts';
export type { FlowV0 } from './migrations/migrateV0ToV1.ts';
export type { FlowTestCase, FlowTestStep, FlowTestMock, FlowTestContact } from './tests/flowTestCase.ts';
export { flowTestsJsonSchema } from './tests/flowTestsJsonSchema.ts';
export { validateSsml, SSML_TAGS } from './ssml/validateSsml.ts';
export type { SsmlProblem } from './ssml/validateSsml.ts';
export { VOICE_CATALOG, voicesForLocale } from './voices/voiceCatalog.ts';
export type { LanguageVoices } from './voices/voiceCatalog.ts';
