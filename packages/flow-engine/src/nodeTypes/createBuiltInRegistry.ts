import { askNode } from '../nodes/ask/askNode.ts';
import { endNode } from '../nodes/end/endNode.ts';
import { httpNode } from '../nodes/http/httpNode.ts';
import { menuNode } from '../nodes/menu/menuNode.ts';
import { messageNode } from '../nodes/message/messageNode.ts';
import { startNode } from '../nodes/start/startNode.ts';
import { transferNode } from '../nodes/transfer/transferNode.ts';
import { NodeTypeRegistry } from './NodeTypeRegistry.ts';

/** A registry holding every built-in node type (including `http`); add plugin packs and handlers to it. */
export function createBuiltInRegistry(): NodeTypeRegistry {
  return new NodeTypeRegistry().registerAll([startNode, messageNode, menuNode, askNode, transferNode, endNode, httpNode]);
}
