import { askNode } from '../nodes/ask/askNode.ts';
import { conditionNode } from '../nodes/condition/conditionNode.ts';
import { endNode } from '../nodes/end/endNode.ts';
import { hoursNode } from '../nodes/hours/hoursNode.ts';
import { httpNode } from '../nodes/http/httpNode.ts';
import { languageNode } from '../nodes/language/languageNode.ts';
import { menuNode } from '../nodes/menu/menuNode.ts';
import { messageNode } from '../nodes/message/messageNode.ts';
import { setNode } from '../nodes/set/setNode.ts';
import { promiseNode } from '../nodes/promise/promiseNode.ts';
import { startNode } from '../nodes/start/startNode.ts';
import { subflowNode } from '../nodes/subflow/subflowNode.ts';
import { surveyNode } from '../nodes/survey/surveyNode.ts';
import { transactionNode } from '../nodes/transaction/transactionNode.ts';
import { transferNode } from '../nodes/transfer/transferNode.ts';
import { queueNode } from '../nodes/queue/queueNode.ts';
import { NodeTypeRegistry } from './NodeTypeRegistry.ts';

/** A registry holding every built-in node type (including `http`); add plugin packs and handlers to it. */
export function createBuiltInRegistry(): NodeTypeRegistry {
  return new NodeTypeRegistry().registerAll([
    startNode,
    messageNode,
    menuNode,
    askNode,
    languageNode,
    conditionNode,
    setNode,
    transactionNode,
    transferNode,
    queueNode,
    hoursNode,
    subflowNode,
    endNode,
    httpNode,
    surveyNode,
    promiseNode,
  ]);
}
