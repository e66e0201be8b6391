import { isExpressionFunction, EXPRESSION_FUNCTIONS, EXPRESSION_FUNCTION_ARITY } from './expressionAst.ts';
import type { BinaryOperator, ExpressionAst } from './expressionAst.ts';
import { tokenizeExpression } from './tokenizeExpression.ts';
import type { ExpressionSyntaxError, ExpressionToken } from './tokenizeExpression.ts';

/** The result of {@link parseExpression}. */
export type ParseExpressionResult = { ok: true; ast: ExpressionAst } | { ok: false; error: ExpressionSyntaxError };

/** Longest expression source accepted; longer input is refused rather than parsed. */
export const MAX_EXPRESSION_LENGTH = 4000;
const MAX_DEPTH = 64;

// Binding powers: higher binds tighter. Ternary is handled at the lowest level.
const INFIX: Readonly<
  Record<string, { power: number; kind: 'binary' | 'logical'; operator: BinaryOperator | '&&' | '||' }>
> = {
  '||': { power: 2, kind: 'logical', operator: '||' },
  or: { power: 2, kind: 'logical', operator: '||' },
  '&&': { power: 3, kind: 'logical', operator: '&&' },
  and: { power: 3, kind: 'logical', operator: '&&' },
  '==': { power: 4, kind: 'binary', operator: '==' },
  '!=': { power: 4, kind: 'binary', operator: '!=' },
  '<': { power: 5, kind: 'binary', operator: '<' },
  '<=': { power: 5, kind: 'binary', operator: '<=' },
  '>': { power: 5, kind: 'binary', operator: '>' },
  '>=': { power: 5, kind: 'binary', operator: '>=' },
  '+': { power: 6, kind: 'binary', operator: '+' },
  '-': { power: 6, kind: 'binary', operator: '-' },
  '*': { power: 7, kind: 'binary', operator: '*' },
  '/': { power: 7, kind: 'binary', operator: '/' },
  '%': { power: 7, kind: 'binary', operator: '%' },
};
const PREFIX_POWER = 8;
const TERNARY_POWER = 1;
const NOT_POWER = 3;

/** Parses a safe expression (see the package README) into a JSON AST, or reports where and how to fix it. */
export function parseExpression(src: string): ParseExpressionResult {
  if (typeof src !== 'string') return { ok: false, error: { message: 'an expression must be a string', offset: 0 } };
  if (src.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: {
        message: `expression is longer than ${MAX_EXPRESSION_LENGTH} characters; split it over several set nodes`,
        offset: MAX_EXPRESSION_LENGTH,
      },
    };
  }
  const lexed = tokenizeExpression(src);
  if (!lexed.ok) return lexed;
  const parser = new ExpressionParser(lexed.tokens);
  try {
    const ast = parser.parseTop();
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class ExpressionParser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly ExpressionToken[]) {}

  parseTop(): ExpressionAst {
    if (this.peek().type === 'eof')
      throw new ParseFailure('expression is empty; write a value such as true or a comparison such as x == 1', 0);
    const ast = this.parse(0);
    const rest = this.peek();
    if (rest.type !== 'eof') {
      throw new ParseFailure(
        `unexpected ${describe(rest)} after a complete expression; add an operator such as && or + before it`,
        rest.offset,
      );
    }
    return ast;
  }

  private parse(minPower: number): ExpressionAst {
    this.depth++;
    if (this.depth > MAX_DEPTH)
      throw new ParseFailure(`expression nests deeper than ${MAX_DEPTH} levels; simplify it`, this.peek().offset);
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      if (token.type === 'operator' && token.value === '?' && minPower <= TERNARY_POWER) {
        this.next();
        const consequent = this.parse(0);
        this.expect(':', 'a ternary needs ":" and a value for the false case, as in a ? b : c');
        const alternate = this.parse(TERNARY_POWER);
        left = { kind: 'conditional', offset: left.offset, test: left, consequent, alternate };
        continue;
      }
      const infix = token.type === 'operator' || token.type === 'identifier' ? INFIX[token.value] : undefined;
      if (infix === undefined || infix.power <= minPower) break;
      this.next();
      const right = this.parse(infix.power);
      left =
        infix.kind === 'logical'
          ? { kind: 'logical', offset: left.offset, operator: infix.operator === '&&' ? '&&' : '||', left, right }
          : { kind: 'binary', offset: left.offset, operator: asBinary(infix.operator), left, right };
    }
    this.depth--;
    return left;
  }

  private parsePrefix(): ExpressionAst {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return this.parsePostfix({ kind: 'literal', offset: token.offset, value: token.value });
      case 'string':
        return this.parsePostfix({ kind: 'literal', offset: token.offset, value: token.value });
      case 'identifier':
        return this.parseIdentifier(token);
      case 'operator':
        if (token.value === '!' || token.value === '-') {
          return { kind: 'unary', offset: token.offset, operator: token.value, operand: this.parse(PREFIX_POWER - 1) };
        }
        if (token.value === '(') {
          const inner = this.parse(0);
          this.expect(')', 'a "(" is not closed; add ")"');
          return this.parsePostfix(inner);
        }
        throw new ParseFailure(`unexpected "${token.value}"; expected a value, a variable name or "("`, token.offset);
      case 'eof':
        throw new ParseFailure('expression ends too early; a value is missing at the end', token.offset);
    }
  }

  private parseIdentifier(token: ExpressionToken): ExpressionAst {
    const name = String(token.value);
    if (name === 'true' || name === 'false') return { kind: 'literal', offset: token.offset, value: name === 'true' };
    if (name === 'null') return { kind: 'literal', offset: token.offset, value: null };
    // Like Python, `not` binds looser than comparisons: `not x == 1` means `!(x == 1)`.
    if (name === 'not') return { kind: 'unary', offset: token.offset, operator: '!', operand: this.parse(NOT_POWER) };
    if (name === 'and' || name === 'or') {
      throw new ParseFailure(`"${name}" needs a value on its left, as in a ${name} b`, token.offset);
    }
    const after = this.peek();
    if (after.type === 'operator' && after.value === '(') {
      if (!isExpressionFunction(name)) {
        throw new ParseFailure(
          `unknown function "${name}"; use one of ${EXPRESSION_FUNCTIONS.join(', ')}`,
          token.offset,
        );
      }
      this.next();
      const args: ExpressionAst[] = [];
      if (!this.accept(')')) {
        do args.push(this.parse(0));
        while (this.accept(','));
        this.expect(')', `arguments of ${name}( must be separated by "," and closed with ")"`);
      }
      const [least, most] = EXPRESSION_FUNCTION_ARITY[name];
      if (args.length < least || args.length > most) {
        const wanted = least === most ? `${least}` : `${least} to ${most}`;
        throw new ParseFailure(
          `${name}() takes ${wanted} argument${most === 1 ? '' : 's'}, not ${args.length}`,
          token.offset,
        );
      }
      return this.parsePostfix({ kind: 'call', offset: token.offset, callee: name, args });
    }
    return this.parsePostfix({ kind: 'identifier', offset: token.offset, name });
  }

  private parsePostfix(start: ExpressionAst): ExpressionAst {
    let node = start;
    for (;;) {
      if (this.accept('.')) {
        const property = this.next();
        if (property.type !== 'identifier') {
          throw new ParseFailure('a "." must be followed by a field name, as in customer.name', property.offset);
        }
        node = { kind: 'member', offset: node.offset, object: node, property: String(property.value) };
      } else if (this.accept('[')) {
        const index = this.parse(0);
        this.expect(']', 'a "[" is not closed; add "]"');
        node = { kind: 'index', offset: node.offset, object: node, index };
      } else if (this.peekOperator('(')) {
        throw new ParseFailure('only the built-in functions can be called, by name, as in len(x)', this.peek().offset);
      } else {
        return node;
      }
    }
  }

  private peek(): ExpressionToken {
    const token = this.tokens[this.position];
    if (token === undefined) throw new ParseFailure('expression ends too early', 0);
    return token;
  }

  private next(): ExpressionToken {
    const token = this.peek();
    if (token.type !== 'eof') this.position++;
    return token;
  }

  private peekOperator(value: string): boolean {
    const token = this.peek();
    return token.type === 'operator' && token.value === value;
  }

  private accept(value: string): boolean {
    if (!this.peekOperator(value)) return false;
    this.position++;
    return true;
  }

  private expect(value: string, message: string): void {
    if (!this.accept(value)) throw new ParseFailure(`${message} (found ${describe(this.peek())})`, this.peek().offset);
  }
}

function asBinary(operator: BinaryOperator | '&&' | '||'): BinaryOperator {
  if (operator === '&&' || operator === '||')
    throw new ParseFailure('internal: logical operator in binary position', 0);
  return operator;
}

function describe(token: ExpressionToken): string {
  if (token.type === 'eof') return 'the end of the expression';
  if (token.type === 'string') return 'a string';
  return `"${token.value}"`;
}
