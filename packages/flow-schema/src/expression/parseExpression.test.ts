import { describe, expect, it } from 'vitest';
import { parseExpression } from './parseExpression.ts';
import type { ExpressionAst } from './expressionAst.ts';

function parsed(src: string): ExpressionAst {
  const result = parseExpression(src);
  if (!result.ok) throw new Error(`expected ${src} to parse: ${result.error.message}`);
  return result.ast;
}

function failure(src: string): { message: string; offset: number } {
  const result = parseExpression(src);
  if (result.ok) throw new Error(`expected ${src} to fail`);
  return result.error;
}

/** Renders an AST back to a fully parenthesized string so precedence is visible. */
function show(ast: ExpressionAst): string {
  switch (ast.kind) {
    case 'literal':
      return JSON.stringify(ast.value);
    case 'identifier':
      return ast.name;
    case 'member':
      return `${show(ast.object)}.${ast.property}`;
    case 'index':
      return `${show(ast.object)}[${show(ast.index)}]`;
    case 'unary':
      return `(${ast.operator}${show(ast.operand)})`;
    case 'binary':
    case 'logical':
      return `(${show(ast.left)} ${ast.operator} ${show(ast.right)})`;
    case 'conditional':
      return `(${show(ast.test)} ? ${show(ast.consequent)} : ${show(ast.alternate)})`;
    case 'call':
      return `${ast.callee}(${ast.args.map(show).join(', ')})`;
  }
}

describe('parseExpression', () => {
  it('binds * tighter than + and + tighter than comparisons', () => {
    expect(show(parsed('a + b * c > 2 && d'))).toBe('(((a + (b * c)) > 2) && d)');
  });

  it('treats and / or / not as words for && / || / !', () => {
    expect(show(parsed('a and b or not c'))).toBe('((a && b) || (!c))');
  });

  it('lets not bind looser than a comparison', () => {
    expect(show(parsed('not x == 1'))).toBe('(!(x == 1))');
  });

  it('nests ternaries to the right', () => {
    expect(show(parsed('a ? 1 : b ? 2 : 3'))).toBe('(a ? 1 : (b ? 2 : 3))');
  });

  it('reads member, index and call chains', () => {
    expect(show(parsed('len(customer.cards[0].number) - -1'))).toBe('(len(customer.cards[0].number) - (-1))');
  });

  it('reads both quote styles and escapes', () => {
    expect(show(parsed(`'it\\'s' + "a\\"b"`))).toBe(`("it's" + "a\\"b")`);
  });

  it('produces an AST that survives a JSON round trip', () => {
    const ast = parsed('x ? upper(y) : [1][0]'.replace('[1][0]', 'z[1]'));
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
  });

  it('records the offset of each node', () => {
    const ast = parsed('  foo + bar');
    expect(ast.kind === 'binary' && [ast.left.offset, ast.right.offset]).toEqual([2, 8]);
  });

  it.each([
    ['a = 1', 2, /use ==/],
    ['a === 1', 2, /use "=="/],
    ['a & b', 2, /use &&/],
    ['(a + 1', 6, /add "\)"/],
    ['a +', 3, /ends too early/],
    ['', 0, /empty/],
    ['"open', 0, /not closed/],
    ['eval("x")', 0, /unknown function "eval"/],
    ['a b', 2, /add an operator/],
    ['len(a, b)', 0, /takes 1 argument/],
    ['a.(b)', 2, /field name/],
    ['x.y(1)', 3, /only the built-in functions/],
    ['12abc', 2, /after the number/],
  ])('refuses %j at offset %i with a hint', (src, offset, message) => {
    const error = failure(src);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    expect(failure('('.repeat(500) + '1' + ')'.repeat(500)).message).toMatch(/nests deeper/);
  });

  it('refuses input that is not a string', () => {
    expect(parseExpression(42 as unknown as string).ok).toBe(false);
  });
});
