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
