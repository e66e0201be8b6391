// `npx tsx bench/cpuProfileLayers.ts <file.cpuprofile>`: splits a `--cpu-prof` profile of the bench server (taken with
// BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof") into the layers of a chat turn. Not a test.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

/** A layer of the turn, recognised by a stack frame; `native` layers may claim frames of node itself. */
interface Layer {
  name: string;
  test: (frame: CallFrame) => boolean;
  native?: boolean;
}

const LAYERS: Layer[] = [
  {
    name: 'response: socket write (writev)',
    test: (f) => /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName) && f.url === '',
    native: true,
  },
  { name: 'response: etag', test: (f) => /\/etag\//.test(f.url) },
  {
    name: 'response: headers (setHeader, writeHead)',
    test: (f) =>
      /node:_http_(outgoing|server)/.test(f.url) &&
      /^(writeHead|_implicitHeader|_storeHeader|setHeader|_send|write_|getHeader|processHeader)$/.test(f.functionName),
    native: true,
  },
  {
    name: 'response: res.json / res.send / res.set (incl. JSON.stringify)',
    test: (f) => /express\/lib\/response\.js|mime-types|content-type\/|statuses/.test(f.url),
  },
  { name: 'engine turn (flow-engine, xstate)', test: (f) => /packages\/flow-engine|xstate/.test(f.url) },
  { name: 'snapshot seal (AES-GCM)', test: (f) => /SnapshotCipher/.test(f.url) },
  { name: 'SQLite commit and session head (store)', test: (f) => /src\/store\/|better-sqlite3/.test(f.url) },
  {
    name: 'SessionService, metrics',
    test: (f) => /SessionService|FlowCompiler|RuntimeMetrics|prom-client/.test(f.url),
  },
  { name: 'pino (the turn log line)', test: (f) => /pino|sonic-boom|redact/.test(f.url) },
  { name: 'route handler', test: (f) => /sessionsRouter|pathParam/.test(f.url) },
  { name: 'schema validation (ajv)', test: (f) => /validateBody|\/ajv\//.test(f.url) },
  { name: 'token auth', test: (f) => /authenticate\.ts|TokenService/.test(f.url) },
  {
    name: 'rate limit (express-rate-limit, req.ip)',
    test: (f) =>
      /express-rate-limit|ip-address|forwarded|proxy-addr/.test(f.url) ||
      (/express\/lib\/request\.js/.test(f.url) && f.functionName === 'ip'),
  },
  {
    name: 'body parsing (body-parser, raw-body, type-is, iconv-lite)',
    test: (f) => /body-parser|raw-body|type-is|iconv-lite|media-typer|\/bytes\/|http-errors|unpipe/.test(f.url),
  },
  { name: 'CORS', test: (f) => /\/cors\/|\/vary\//.test(f.url) },
  { name: 'request log', test: (f) => /requestLog/.test(f.url) },
  { name: 'security headers', test: (f) => /securityHeaders/.test(f.url) },
  { name: 'on-finished', test: (f) => /on-finished|ee-first/.test(f.url) },
  {
    name: 'express app and router (dispatch, matching, req/res set-up)',
    test: (f) =>
      /\/router\/|express\/lib\/(application|request|express)|parseurl|path-to-regexp|finalhandler|\/debug\//.test(
        f.url,
      ),
  },
];

/** Share of busy samples per layer: a sample belongs to the innermost frame that a layer claims; node's own frames count for the caller. */
export function cpuProfileLayers(profile: CpuProfile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const counts = new Map<number, number>();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byLayer = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of counts) {
    const leaf = nodes.get(id)?.callFrame;
    if (!leaf || leaf.functionName === '(idle)') continue;
    busy += count;
    const layer =
      leaf.functionName === '(garbage collector)'
        ? 'GC'
        : leaf.functionName === '(program)'
          ? 'V8 / native outside JS'
          : layerOf(id, nodes, parent);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + count);
  }
  return new Map(
    [...byLayer].map(([name, count]): [string, number] => [name, count / busy]).toSorted((a, b) => b[1] - a[1]),
  );
}

function layerOf(id: number, nodes: Map<number, ProfileNode>, parent: Map<number, number>): string {
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    const frame = nodes.get(current)?.callFrame;
    if (!frame) break;
    const native = frame.url === '' || frame.url.startsWith('node:');
    const layer = LAYERS.find((l) => (l.native === true || !native) && l.test(frame));
    if (layer) return layer.name;
    // Module loading and anything else of ours that no layer names.
    if (!native) return `other (${frame.url.split('/').slice(-2).join('/')})`;
  }
  return 'node http (parser, sockets, streams, events)';
}

const file = process.argv[2];
if (file) {
  const shares = cpuProfileLayers(JSON.parse(readFileSync(file, 'utf8')));
  for (const [name, share] of shares)
    if (share >= 0.002) process.stdout.write(`${(share * 100).toFixed(1).padStart(5)} %  ${name}\n`);
}
