import { defineNodeSpec, type NodeConfigMigration } from '@omniflow/flow-schema';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { checkNodeMigrations } from './checkNodeMigrations.ts';

/** v2 of an imaginary greeting node renamed `text` to `greeting`. */
const renameText: NodeConfigMigration = {
  version: 2,
  up: ({ text, ...rest }) => ({ ...rest, greeting: text }),
  down: ({ greeting, ...rest }) => ({ ...rest, text: greeting }),
};

function greetingSpec(migrations: NodeConfigMigration[]) {
  const labels = { title: 'Greeting', description: 'Greets.' };
  return defineNodeSpec({
    type: 'test.greeting',
    version: 2,
    category: 'Test',
    icon: '👋',
    behaviour: 'automatic',
    config: Type.Object({ greeting: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
    defaults: { greeting: 'Hello' },
    ports: [{ name: 'next' }],
    labels: { en: labels, 'zh-CN': labels, ko: labels },
    migrations,
  });
}

describe('checkNodeMigrations', () => {
  it('passes a node type whose migration brings an old config up to the expected one and back', () => {
    expect(
      checkNodeMigrations(greetingSpec([renameText]), [
        { from: 1, config: { text: 'Hi' }, expected: { greeting: 'Hi' } },
      ]),
    ).toEqual([]);
  });

  it('reports a missing step, a wrong result and a config that does not come back down', () => {
    expect(checkNodeMigrations(greetingSpec([]))).toEqual([
      'test.greeting has 0 migrations to version 2; it needs exactly one',
    ]);
    const lossy: NodeConfigMigration = { ...renameText, down: () => ({}) };
    expect(
      checkNodeMigrations(greetingSpec([lossy]), [{ from: 1, config: { text: 'Hi' }, expected: { greeting: 'Hey' } }]),
    ).toEqual([
      'test.greeting v1 config migrates to {"greeting":"Hi"}, not {"greeting":"Hey"}',
      'test.greeting v1 config does not come back down unchanged: {}',
    ]);
  });

  it('reports a migrated config the current schema refuses', () => {
    const [problem] = checkNodeMigrations(greetingSpec([renameText]), [
      { from: 1, config: { text: '' }, expected: { greeting: '' } },
    ]);
    expect(problem).toMatch(/migrates to a config its schema refuses/);
  });
});
