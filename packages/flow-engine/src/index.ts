export { defineNodeType } from './nodeTypes/defineNodeType.ts';
export type { NodeTypeImplementation } from './nodeTypes/defineNodeType.ts';
export { NodeTypeRegistry, type HandlerDecorator } from './nodeTypes/NodeTypeRegistry.ts';
export { createBuiltInRegistry } from './nodeTypes/createBuiltInRegistry.ts';
export { loadPluginPacks } from './nodeTypes/loadPluginPacks.ts';
export type { PluginPack, PackLoadReport } from './nodeTypes/loadPluginPacks.ts';
export type {
  NodeRuntime,
  NodeScope,
  RenderedPrompt,
  PromptRequest,
  CallerInput,
  InputOutcome,
  AutomaticResult,
  TerminalResult,
  HandlerLookup,
  AutomaticRuntime,
  InteractiveRuntime,
  TerminalRuntime,
  AsyncRuntime,
  SubflowRuntime,
} from './nodeTypes/nodeRuntime.ts';
export type { HandlerArgs, HandlerResult, HandlerLogger, NodeHandler } from './nodeTypes/handlerTypes.ts';
export type {
  InputEvent,
  OutputEvent,
  InputExpectation,
  EndReason,
  TranscriptEntry,
  TransferRouting,
} from './session/sessionEvents.ts';
export { compileFlow } from './compile/compileFlow.ts';
export type { CompileFlowOptions, CompileFlowResult } from './compile/compileFlow.ts';
export type { CompileIssue } from './compile/compileNodes.ts';
export type { CompiledFlow, EngineLimits } from './compile/compiledFlowTypes.ts';
export { FlowSession } from './session/FlowSession.ts';
export type {
  FlowSessionOptions,
  LegacySessionSnapshot,
  SessionClock,
  SessionSnapshot,
  TranscriptLoader,
  TranscriptRedactor,
  TurnResult,
  SentimentScorer,
} from './session/sessionTypes.ts';
export type { ContactFacts, ContactState } from './compile/contactState.ts';
export { SENTIMENT_WINDOW, MAX_CUSTOMER_ID_LENGTH } from './compile/contactState.ts';
export type { IntentMatcher, IntentMatch } from './matching/IntentMatcher.ts';
export { PhraseIntentMatcher } from './matching/PhraseIntentMatcher.ts';
export { MASK } from './compile/nodeScope.ts';
export { builtInSpecs, builtInSpecCatalog } from './builtInSpecs.ts';
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
  hoursSpec,
  subflowSpec,
  endSpec,
  httpSpec,
  surveySpec,
  promiseSpec,
} from './builtInSpecs.ts';
export type {
  StartConfig,
  MessageConfig,
  MenuConfig,
  MenuOption,
  AskConfig,
  SlotConfig,
  SlotType,
  SlotChoice,
  LanguageConfig,
  LanguageOption,
  ConditionConfig,
  ConditionCase,
  SetConfig,
  TransactionConfig,
  TransferConfig,
  HoursConfig,
  OpeningHours,
  SubflowConfig,
  EndConfig,
  HttpNodeConfig,
  HttpMethod,
  HttpResponseMapping,
  SurveyConfig,
  PromiseConfig,
} from './builtInSpecs.ts';
export { startNode } from './nodes/start/startNode.ts';
export { messageNode } from './nodes/message/messageNode.ts';
export { menuNode } from './nodes/menu/menuNode.ts';
export { askNode } from './nodes/ask/askNode.ts';
export { languageNode } from './nodes/language/languageNode.ts';
export { transferNode } from './nodes/transfer/transferNode.ts';
export { queueNode } from './nodes/queue/queueNode.ts';
export { endNode } from './nodes/end/endNode.ts';
export { httpNode } from './nodes/http/httpNode.ts';
export { surveyNode } from './nodes/survey/surveyNode.ts';
export { promiseNode } from './nodes/promise/promiseNode.ts';
export { withDeadline } from './nodes/http/withDeadline.ts';
export type { DeadlineOutcome } from './nodes/http/withDeadline.ts';
export { conditionNode } from './nodes/condition/conditionNode.ts';
export { setNode } from './nodes/set/setNode.ts';
export { transactionNode } from './nodes/transaction/transactionNode.ts';
export { hoursNode } from './nodes/hours/hoursNode.ts';
export { subflowNode } from './nodes/subflow/subflowNode.ts';
export type { IntentPhrases, PhraseIntentMatcherOptions } from './matching/PhraseIntentMatcher.ts';
export { normalizeText, matchingLanguage } from './matching/normalizeText.ts';
export type { MatchingLanguage } from './matching/normalizeText.ts';
export { damerauLevenshtein } from './matching/damerauLevenshtein.ts';
export { matchChoice } from './matching/matchChoice.ts';
export type { MatchableChoice, MatchMode, MatchHow, ChoiceMatch, MatchChoiceOptions } from './matching/matchChoice.ts';
export { renderMenu } from './matching/renderMenu.ts';
export type { MenuOptionText, QuickReply, RenderedMenu, RenderMenuExtras } from './matching/renderMenu.ts';
export { renderAskHint, yesNoQuickReplies } from './matching/renderAskHint.ts';
export type { AskHintSlot } from './matching/renderAskHint.ts';
export { renderConfirmation } from './matching/renderConfirmation.ts';
export { isRepeatRequest } from './matching/isRepeatRequest.ts';
export { speechDecision } from './matching/speechDecision.ts';
export type { SpeechDecision } from './matching/speechDecision.ts';
export { parseSpokenDigits } from './matching/parseSpokenDigits.ts';
export { parseNumber } from './matching/parseNumber.ts';
export { parseAmount } from './matching/parseAmount.ts';
export { parseDate } from './matching/parseDate.ts';
export { parseYesNo } from './matching/parseYesNo.ts';
export { buildJsgfGrammar } from './matching/buildJsgfGrammar.ts';
export type { JsgfGrammarSpec } from './matching/buildJsgfGrammar.ts';
export { checkJsgf } from './matching/checkJsgf.ts';
export type { JsgfCheck } from './matching/checkJsgf.ts';
export { jsgfAccepts } from './matching/jsgfAccepts.ts';
export { runFlowTest } from './flowTests/runFlowTest.ts';
export type { FlowTestOptions, FlowTestRun, FlowTestStepResult } from './flowTests/runFlowTest.ts';
export { runFlowSuite } from './flowTests/runFlowSuite.ts';
export type { FlowSuiteOptions, FlowSuiteReport, FlowSuiteResult } from './flowTests/runFlowSuite.ts';
export { suggestFlowTests } from './flowTests/suggestFlowTests.ts';
export type { FlowTestSuggestion } from './flowTests/suggestFlowTests.ts';
export { withMockedHandlers } from './flowTests/withMockedHandlers.ts';
export type { FlowTestCoverage, FlowCoverageReport } from './flowTests/flowTestCoverage.ts';
export { CALM, isUpset, MOOD_MEMORY, type CallerMood } from './escalation/callerMood.ts';
export { DEFAULT_UPSET_AT_MOST } from './escalation/compileEscalations.ts';
