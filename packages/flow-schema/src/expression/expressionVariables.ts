import { exhaustive } from '../exhaustive.ts';
import type { ExpressionAst } from './expressionAst.ts';

/** The root variable names an expression reads (`customer` for `customer.name`), each once, in source order. */
export function expressionVariables(ast: ExpressionAst): string[] {
  const names = new Set<string>();
  collect(ast, names);
  return [...names];
}

function collect(ast: ExpressionAst, names: Set<string>): void {
  switch (ast.kind) {
    case 'literal':
      return;
    case 'identifier':
      names.add(ast.name);
      return;
    case 'member':
      collect(ast.object, names);
      return;
    case 'index':
      collect(ast.object, names);
      collect(ast.index, names);
      return;
    case 'unary':
      collect(ast.operand, names);
      return;
    case 'binary':
    case 'logical':
      collect(ast.left, names);
      collect(ast.right, names);
      return;
    case 'conditional':
      collect(ast.test, names);
      collect(ast.consequent, names);
      collect(ast.alternate, names);
      return;
    case 'call':
      for (const arg of ast.args) collect(arg, names);
      return;
    default:
      return exhaustive(ast);
  }
}
