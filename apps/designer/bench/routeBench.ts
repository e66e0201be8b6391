import { cpus, loadavg } from 'node:os';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { createCatalog, nodePorts } from '../src/core/nodeCatalog.ts';
import { nodeCardSize } from '../src/core/nodeCardSize.ts';
import { handleBoxes } from '../src/core/nodeGeometry.ts';
import { layoutFlow } from '../src/core/layoutFlow.ts';
import { promptLine } from '../src/core/promptLine.ts';
import { EdgeRouter, type RouteRequest } from '../src/core/EdgeRouter.ts';
import type { Box, Point } from '../src/core/routeOrthogonal.ts';
import { generateBranchingFlow } from './generateFlow.ts';

/**
 * Edge routing cost (issue 20: edges avoid nodes) on auto-laid-out branching flows: routing every edge, as when a flow
 * opens (the baseline), against one drag frame — a card moved by 8 px, where only the edges near it are re-routed.
 * A drag frame must stay well inside a 60 Hz frame (16 ms) on the 200-node flow.
 */
async function main(): Promise<void> {
  const catalog = createCatalog(builtInSpecs.map((definition) => definition.spec));
  console.log(
    `edge routing — ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('| nodes | edges | route all (ms) | drag frame (ms) | edges re-routed per frame | all ÷ frame |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const count of [50, 200, 300]) {
    const flow = generateBranchingFlow(count);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const sizeOf = (id: string) => {
      const node = byId.get(id);
      return node ? nodeCardSize(node, catalog.byType.get(node.type)) : { width: 220, height: 60 };
    };
    const positions = await layoutFlow(flow, sizeOf);
    const boxes = new Map<string, Box>();
    const anchors = new Map<string, Point>();
    for (const node of flow.nodes) {
      const at = positions.get(node.id) ?? { x: 0, y: 0 };
      boxes.set(node.id, { ...at, ...sizeOf(node.id) });
      const spec = catalog.byType.get(node.type);
      const ports = nodePorts(node, spec, []).map((p) => p.name);
      for (const h of handleBoxes(ports, node.type !== 'start', promptLine(node, spec, flow.defaultLocale) !== null))
        anchors.set(`${node.id}:${h.id}`, {
          x: at.x + h.x + (h.position === 'right' ? h.width : 0),
          y: at.y + h.y + h.height / 2,
        });
    }
    const requests: RouteRequest[] = flow.edges.flatMap((e) => {
      const from = anchors.get(`${e.source}:${e.port}`);
      const to = anchors.get(`${e.target}:in`);
      return from && to ? [{ id: `${e.source}:${e.port}`, from, to }] : [];
    });
    const routeAll = median(5, () => new EdgeRouter().route(boxes, requests));
    // A drag: one card in the middle of the flow moves 8 px per frame, 30 frames.
    const router = new EdgeRouter();
    router.route(boxes, requests);
    const dragged = flow.nodes[Math.floor(count / 2)]?.id ?? '';
    const moved = new Map(boxes);
    const frames: number[] = [];
    const rerouted: number[] = [];
    for (let frame = 1; frame <= 30; frame++) {
      const box = boxes.get(dragged);
      if (!box) break;
      moved.set(dragged, { ...box, x: box.x + frame * 8, y: box.y + frame * 3 });
      const shifted = requests.map((r) =>
        r.id.startsWith(`${dragged}:`) ? { ...r, from: { x: r.from.x + frame * 8, y: r.from.y + frame * 3 } } : r,
      );
      const started = performance.now();
      router.route(moved, shifted);
      frames.push(performance.now() - started);
      rerouted.push(router.rerouted);
    }
    const frame = frames.toSorted((a, b) => a - b)[Math.floor(frames.length / 2)] ?? 0;
    const perFrame = rerouted.reduce((a, b) => a + b, 0) / Math.max(1, rerouted.length);
    console.log(
      `| ${count} | ${requests.length} | ${routeAll.toFixed(1)} | ${frame.toFixed(2)} | ${perFrame.toFixed(1)} | ${(routeAll / Math.max(frame, 0.001)).toFixed(0)}× |`,
    );
  }
}

function median(runs: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.toSorted((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

await main();
