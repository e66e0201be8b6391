export { CURRENT_SCHEMA_VERSION, CHANNELS } from './flowDocument.ts';
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
  CanvasPosition,
  FlowNode,
  FlowEdge,
  FlowDocument,
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
} from './nodeTypeSpec.ts';
export type * from './builtInNodeConfigs.ts';
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
