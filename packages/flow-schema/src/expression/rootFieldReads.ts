import { exhaustive } from '../exhaustive.ts';
import type { ExpressionAst } from './expressionAst.ts';

/**
 * The fields an expression reads directly under the root variable `root`: `"callerNumber"` for
 * `contact.callerNumber` or `contact["callerNumber"]`, `null` for a computed index (`contact[name]`); the root read
 * whole (`contact`) is not listed. Each read is listed once per place it occurs.
 */
export function rootFieldReads(ast: ExpressionAst, root: string): (string | null)[] {
  const reads: (string | null)[] = [];
  collect(ast, root, reads);
  return reads;
}

function collect(ast: ExpressionAst, root: string, reads: (string | null)[]): void {
  switch (ast.kind) {
    case 'literal':
    case 'identifier':
      return;
    case 'member':
      if (isRoot(ast.object, root)) reads.push(ast.property);
      else collect(ast.object, root, reads);
      return;
    case 'index':
      if (isRoot(ast.object, root))
        reads.push(ast.index.kind === 'literal' && typeof ast.index.value === 'string' ? ast.index.value : null);
      else collect(ast.object, root, reads);
      collect(ast.index, root, reads);
      return;
    case 'unary':
      collect(ast.operand, root, reads);
      return;
    case 'binary':
    case 'logical':
      collect(ast.left, root, reads);
      collect(ast.right, root, reads);
      return;
    case 'conditional':
      collect(ast.test, root, reads);
      collect(ast.consequent, root, reads);
      collect(ast.alternate, root, reads);
      return;
    case 'call':
      for (const arg of ast.args) collect(arg, root, reads);
      return;
    default:
      return exhaustive(ast);
  }
}

function isRoot(ast: ExpressionAst, root: string): boolean {
  return ast.kind === 'identifier' && ast.name === root;
}
