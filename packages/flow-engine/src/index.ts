export { defineNodeType } from './nodeTypes/defineNodeType.ts';
export type { NodeTypeImplementation } from './nodeTypes/defineNodeType.ts';
export type { NodeRuntime } from './nodeTypes/nodeRuntime.ts';
export type { HandlerArgs, HandlerResult, HandlerLogger, NodeHandler } from './nodeTypes/handlerTypes.ts';
export type { InputEvent, OutputEvent, InputExpectation, EndReason, TranscriptEntry } from './session/sessionEvents.ts';
