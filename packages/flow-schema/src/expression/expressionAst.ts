/** The functions an expression may call, with their [minimum, maximum] argument counts; nothing else is callable. */
export const EXPRESSION_FUNCTION_ARITY = {
  len: [1, 1],
  lower: [1, 1],
  upper: [1, 1],
  trim: [1, 1],
  contains: [2, 2],
  startsWith: [2, 2],
  endsWith: [2, 2],
  number: [1, 1],
  string: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  abs: [1, 1],
  min: [1, 64],
  max: [1, 64],
  substr: [2, 3],
  last: [1, 2],
  isEmpty: [1, 1],
  now: [0, 0],
  today: [0, 0],
  daysBetween: [2, 2],
} as const satisfies Record<string, readonly [number, number]>;

/** A whitelisted function name. */
export type ExpressionFunctionName = keyof typeof EXPRESSION_FUNCTION_ARITY;

/** The whitelisted function names, in a stable order. */
export const EXPRESSION_FUNCTIONS: readonly ExpressionFunctionName[] = [
  'len',
  'lower',
  'upper',
  'trim',
  'contains',
  'startsWith',
  'endsWith',
  'number',
  'string',
  'round',
  'floor',
  'ceil',
  'abs',
  'min',
  'max',
  'substr',
  'last',
  'isEmpty',
  'now',
  'today',
  'daysBetween',
];

/** Binary operators other than the short-circuit ones. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * A parsed expression: plain JSON (safe to store, send and cache). Every node records the `offset` of its
 * first character in the source so later checks can point at it.
 */
export type ExpressionAst =
  | { kind: 'literal'; offset: number; value: string | number | boolean | null }
  | { kind: 'identifier'; offset: number; name: string }
  | { kind: 'member'; offset: number; object: ExpressionAst; property: string }
  | { kind: 'index'; offset: number; object: ExpressionAst; index: ExpressionAst }
  | { kind: 'unary'; offset: number; operator: '!' | '-'; operand: ExpressionAst }
  | { kind: 'binary'; offset: number; operator: BinaryOperator; left: ExpressionAst; right: ExpressionAst }
  | { kind: 'logical'; offset: number; operator: '&&' | '||'; left: ExpressionAst; right: ExpressionAst }
  | { kind: 'conditional'; offset: number; test: ExpressionAst; consequent: ExpressionAst; alternate: ExpressionAst }
  | { kind: 'call'; offset: number; callee: ExpressionFunctionName; args: ExpressionAst[] };

/** Whether `name` is a whitelisted function. */
export function isExpressionFunction(name: string): name is ExpressionFunctionName {
  return Object.hasOwn(EXPRESSION_FUNCTION_ARITY, name);
}
