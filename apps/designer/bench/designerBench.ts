import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/launchChromium.ts';

/** Targets from issue 5. */
const RENDER_TARGET_MS = 1500;
const FPS_TARGET = 50;
const SIZES = [100, 1000];

const designerDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Row {
  nodes: number;
  view: string;
  renderMs: number;
  nodesInDom: number;
  fps: number;
  worstFrameMs: number;
  /** Whether the zoomed-out overview canvas was drawing the flow. */
  overview: boolean;
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'omniflow-bench-'));
  await build({
    root: designerDir,
    configFile: join(designerDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(designerDir, 'bench/bench.html') } },
  });
  const server = await preview({
    root: designerDir,
    configFile: join(designerDir, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const browser = await launchChromium();
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a URL');
    const rows: Row[] = [];
    for (const nodes of SIZES) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // Warm-up load so the bundle is parsed from cache, as when an analyst reopens the designer.
      await page.goto(`${base}bench/bench.html?nodes=${nodes}`);
      await page.waitForFunction('window.benchResult !== undefined', null, { timeout: 60_000 });
      await page.reload();
      await page.waitForFunction('window.benchResult !== undefined', null, { timeout: 60_000 });
      const result = (await page.evaluate('window.benchResult')) as
        { renderMs: number; nodesInDom: number } | undefined;
      if (!result) throw new Error('bench page reported nothing');
      const pan = await measurePan(page);
      rows.push({
        nodes,
        view: 'opening',
        renderMs: result.renderMs,
        nodesInDom: result.nodesInDom,
        overview: await hasOverview(page),
        ...pan,
      });
      // The worst case: zoomed out until every node and edge is on screen ("zoom to fit" stops at a readable zoom).
      await zoomOutToWholeFlow(page);
      // Zoomed out, the flow is drawn on the overview canvas instead of xyflow's DOM nodes.
      await page.waitForFunction(
        `Number(document.querySelector('.flow-overview[data-drawn]')?.dataset.nodes) >= ${nodes}`,
        null,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(300);
      const inDom = await page.locator('.react-flow__node').count();
      rows.push({
        nodes,
        view: 'zoom to fit',
        renderMs: Number.NaN,
        nodesInDom: inDom,
        overview: await hasOverview(page),
        ...(await measurePan(page)),
      });
      await page.close();
    }
    printTable(rows);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Zooms out with the canvas controls until the overview canvas, which spans the flow, fits in the pane. */
async function zoomOutToWholeFlow(page: Page): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const pane = await page.locator('.react-flow__pane').boundingBox();
    const flow = (await hasOverview(page)) ? await page.locator('.flow-overview').boundingBox() : null;
    if (
      pane &&
      flow &&
      flow.x >= pane.x &&
      flow.y >= pane.y &&
      flow.x + flow.width <= pane.x + pane.width &&
      flow.y + flow.height <= pane.y + pane.height
    )
      return;
    await page.locator('.react-flow__controls-zoomout').click();
    await page.waitForTimeout(100);
  }
  throw new Error('the flow never fitted in the pane at the minimum zoom');
}

async function hasOverview(page: Page): Promise<boolean> {
  return (await page.locator('.flow-overview[data-drawn]').count()) > 0;
}

/** Drags the pane for ~2 s with the real mouse while counting animation frames in the page. */
async function measurePan(page: Page): Promise<{ fps: number; worstFrameMs: number }> {
  // Plain strings: tsx would inject helpers into functions serialized for the page.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchCounting = true;
    const tick = (t) => { if (!window.benchCounting) return; window.benchFrames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no pane to pan');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < 2000) {
    i += 1;
    await page.mouse.move(cx + Math.sin(i / 10) * 300, cy + Math.cos(i / 13) * 200);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = (await page.evaluate(
    '(() => { window.benchCounting = false; return window.benchFrames; })()',
  )) as number[];
  const first = frames[0] ?? 0;
  const last = frames[frames.length - 1] ?? 0;
  let worst = 0;
  for (let k = 1; k < frames.length; k += 1) worst = Math.max(worst, (frames[k] ?? 0) - (frames[k - 1] ?? 0));
  return { fps: ((frames.length - 1) * 1000) / Math.max(last - first, 1), worstFrameMs: worst };
}

function line(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function printTable(rows: Row[]): void {
  // Frame rates are only comparable on an idle machine; say how busy this one was.
  console.log(
    `Chromium (software rendering), ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log(
    line([
      'nodes',
      'view',
      'first render (ms)',
      'nodes in DOM',
      'overview canvas',
      'pan fps',
      'worst frame (ms)',
      'render < 1.5 s',
      'fps ≥ 50',
    ]),
  );
  console.log(line(['---:', '---', '---:', '---:', ':---:', '---:', '---:', ':---:', ':---:']));
  for (const r of rows) {
    console.log(
      line([
        String(r.nodes),
        r.view,
        Number.isNaN(r.renderMs) ? '–' : r.renderMs.toFixed(0),
        String(r.nodesInDom),
        r.overview ? 'yes' : 'no',
        r.fps.toFixed(1),
        r.worstFrameMs.toFixed(0),
        Number.isNaN(r.renderMs) ? '–' : r.renderMs < RENDER_TARGET_MS ? 'yes' : 'NO',
        r.fps >= FPS_TARGET ? 'yes' : 'NO',
      ]),
    );
  }
}

await main();
