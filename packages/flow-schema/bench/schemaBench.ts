import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FlowDocument, FlowEdge, FlowNode } from '../src/flowDocument.ts';
import { documentSchemaValidator } from '../src/validation/schemaCompiler.ts';
import { testCatalog } from '../src/validation/validationFixtures.ts';
import { validateFlow } from '../src/validation/validateFlow.ts';

// Benchmark (not a test): validate time of a generated 1,000-node flow against a baseline measured in the same
// run — a JSON round trip plus ajv validation of the document schema alone. Target: validate < 50 ms.

const SEGMENTS = 250;
const WARM_UP = 5;
const RUNS = 21;
const TARGET_MS = 50;

const text = (en: string, zh: string): Record<string, string> => ({ 'en-US': en, 'zh-CN': zh });

/** A flow of `segments` × (menu → ask → condition → message) plus start and end: 4·segments + 2 nodes. */
function generateFlow(segments: number): FlowDocument {
  const nodes: FlowNode[] = [{ id: 'start', type: 'start', config: {} }];
  const edges: FlowEdge[] = [{ source: 'start', port: 'next', target: 'menu0' }];
  const edge = (source: string, port: string, target: string): void => {
    edges.push({ source, port, target });
  };
  for (let i = 0; i < segments; i++) {
    const next = i + 1 < segments ? `menu${i + 1}` : 'end';
    nodes.push(
      {
        id: `menu${i}`,
        type: 'menu',
        position: { x: i * 300, y: 0 },
        config: {
          prompt: { text: text(`Menu ${i}: press 1 for balance, 2 to continue.`, `菜单 ${i}：余额请按1，继续请按2。`) },
          options: [
            { key: '1', label: text('balance', '余额') },
            { key: '2', label: text('continue', '继续') },
          ],
          noMatch: {
            maxRetries: 2,
            reprompts: [{ text: text('Sorry, {{customerName}}?', '抱歉，{{customerName}}？') }],
          },
        },
      },
      {
        id: `ask${i}`,
        type: 'ask',
        config: {
          prompt: { text: text('Your account number?', '您的账号？') },
          variable: 'account',
          slot: { type: 'digits', validate: 'len(value) >= 4' },
        },
      },
      {
        id: `check${i}`,
        type: 'condition',
        config: { cases: [{ id: 'ok', when: `number(account) % ${i + 2} == 0 && channel != "chat"` }] },
      },
      {
        id: `message${i}`,
        type: 'message',
        config: { prompt: { text: text('Thank you, {{ customerName }}.', '谢谢，{{ customerName }}。') } },
      },
    );
    edge(`menu${i}`, '1', `ask${i}`);
    edge(`menu${i}`, '2', `message${i}`);
    edge(`menu${i}`, 'noInput', 'end');
    edge(`menu${i}`, 'noMatch', 'end');
    edge(`ask${i}`, 'next', `check${i}`);
    edge(`ask${i}`, 'noInput', 'end');
    edge(`ask${i}`, 'noMatch', 'end');
    edge(`check${i}`, 'ok', `message${i}`);
    edge(`check${i}`, 'default', 'end');
    edge(`message${i}`, 'next', next);
  }
  nodes.push({ id: 'end', type: 'end', config: { prompt: { text: text('Goodbye.', '再见。') } } });
  return {
    id: 'bench',
    name: 'Generated benchmark flow',
    schemaVersion: 1,
    locales: ['en-US', 'zh-CN'],
    defaultLocale: 'en-US',
    variables: [
      { name: 'account', type: 'string' },
      { name: 'customerName', type: 'string' },
    ],
    start: 'start',
    nodes,
    edges,
  };
}

function median(samples: number[]): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function measure(run: () => void): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const flow = generateFlow(SEGMENTS);
const catalog = testCatalog();
const check = validateFlow(flow, catalog);
if (!check.ok || check.issues.length > 0) {
  console.error('the generated flow does not validate cleanly:', check.issues.slice(0, 5));
  process.exit(1);
}

const documentSchema = documentSchemaValidator();
const baseline = measure(() => {
  if (!documentSchema(JSON.parse(JSON.stringify(flow)))) throw new Error('baseline: document schema rejected the flow');
});
const full = measure(() => {
  validateFlow(flow, catalog);
});

const header: [string, string, string, string] = ['measurement', 'median ms', 'ratio', 'target'];
const rows: [string, string, string, string][] = [
  header,
  [
    `baseline: JSON round trip + document schema (${flow.nodes.length} nodes, ${flow.edges.length} edges)`,
    baseline.toFixed(2),
    '1.00×',
    '—',
  ],
  [
    'validateFlow (migrate, schema, configs, graph, fields)',
    full.toFixed(2),
    `${(full / baseline).toFixed(2)}×`,
    `< ${TARGET_MS} ms ${full < TARGET_MS ? 'met' : 'MISSED'}`,
  ],
];
const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
const [load1, load5] = loadavg();
// The machine may be shared: the load average lets a reader judge the absolute numbers.
console.log(
  `flow-schema validate benchmark — median of ${RUNS} runs after ${WARM_UP} warm-up runs; load average ${load1?.toFixed(2)} (1 min), ${load5?.toFixed(2)} (5 min) on ${availableParallelism()} cores\n`,
);
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | '));
  if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
}
