import { exhaustive } from '../exhaustive.ts';
import type { ExpressionAst } from './expressionAst.ts';
import { expressionFunctions } from './expressionFunctions.ts';
import type { ExpressionEnvironment } from './expressionFunctions.ts';
import { compareValues, isTruthy, looseEquals, ownValue, toNumber, toText } from './expressionValues.ts';

/**
 * Evaluates a parsed expression against a scope of variables without `eval`; data never makes it throw — a
 * type error (e.g. `"a" * 2`, a missing field) yields `null`.
 */
export function evaluateExpression(
  ast: ExpressionAst,
  scope: Readonly<Record<string, unknown>>,
  env: ExpressionEnvironment = {},
): unknown {
  return evaluate(ast, scope, env);
}

function evaluate(ast: ExpressionAst, scope: Readonly<Record<string, unknown>>, env: ExpressionEnvironment): unknown {
  switch (ast.kind) {
    case 'literal':
      return ast.value;
    case 'identifier':
      return readField(scope, ast.name);
    case 'member': {
      const object = evaluate(ast.object, scope, env);
      return typeof object === 'object' && object !== null && !Array.isArray(object)
        ? readField(object, ast.property)
        : null;
    }
    case 'index':
      return indexInto(evaluate(ast.object, scope, env), evaluate(ast.index, scope, env));
    case 'unary': {
      const operand = evaluate(ast.operand, scope, env);
      if (ast.operator === '!') return !isTruthy(operand);
      const n = toNumber(operand);
      return n === null ? null : -n;
    }
    case 'logical': {
      const left = evaluate(ast.left, scope, env);
      if (ast.operator === '&&') return isTruthy(left) ? evaluate(ast.right, scope, env) : left;
      return isTruthy(left) ? left : evaluate(ast.right, scope, env);
    }
    case 'conditional':
      return isTruthy(evaluate(ast.test, scope, env))
        ? evaluate(ast.consequent, scope, env)
        : evaluate(ast.alternate, scope, env);
    case 'binary':
      return binary(ast.operator, evaluate(ast.left, scope, env), evaluate(ast.right, scope, env));
    case 'call': {
      const args = ast.args.map((arg) => evaluate(arg, scope, env));
      const result = expressionFunctions[ast.callee](args, env);
      return result === undefined ? null : result;
    }
    default:
      return exhaustive(ast);
  }
}

function indexInto(object: unknown, index: unknown): unknown {
  if (Array.isArray(object) || typeof object === 'string') {
    const i = toNumber(index);
    if (i === null || !Number.isInteger(i) || i < 0 || i >= object.length) return null;
    const item: unknown = object[i];
    return item === undefined ? null : item;
  }
  if (typeof object === 'object' && object !== null && (typeof index === 'string' || typeof index === 'number')) {
    return readField(object, String(index));
  }
  return null;
}

// Parsed JSON may hold these as own keys (`{"__proto__": …}`); refusing them keeps any object-model name out of
// expressions over foreign data such as HTTP replies.
const REFUSED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function readField(object: object, key: string): unknown {
  return REFUSED_KEYS.has(key) ? null : ownValue(object, key);
}

function binary(
  operator: Extract<ExpressionAst, { kind: 'binary' }>['operator'],
  left: unknown,
  right: unknown,
): unknown {
  switch (operator) {
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compareValues(left, right);
      if (order === null) return null;
      return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
    }
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return finite(left + right);
      if (typeof left === 'string' || typeof right === 'string') return toText(left) + toText(right);
      return null;
    case '-':
    case '*':
    case '/':
    case '%': {
      const a = toNumber(left);
      const b = toNumber(right);
      if (a === null || b === null) return null;
      if ((operator === '/' || operator === '%') && b === 0) return null;
      return finite(operator === '-' ? a - b : operator === '*' ? a * b : operator === '/' ? a / b : a % b);
    }
  }
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
