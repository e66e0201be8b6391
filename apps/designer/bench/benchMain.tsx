import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../src/components/Canvas/Canvas.tsx';
import { useFlowStore } from '../src/store/useFlowStore.ts';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { bankingDefinitions } from '@omniflow/plugin-banking/definitions';
import { generateFlow } from './generateFlow.ts';

// The bench page renders the designer's real canvas and store with a generated flow (no runtime needed).
declare global {
  interface Window {
    benchResult?: { renderMs: number; nodesInDom: number };
  }
}

const count = Number(new URLSearchParams(location.search).get('nodes') ?? '1000');
const flow = generateFlow(count);
const root = document.getElementById('root');
if (!root) throw new Error('bench.html needs #root');

const t0 = performance.now();
useFlowStore.getState().setCatalog([...builtInSpecs.map((definition) => definition.spec), ...bankingDefinitions]);
useFlowStore.getState().loadFlow(flow, 1);
createRoot(root).render(
  <ReactFlowProvider>
    <div style={{ width: '100vw', height: '100vh' }}>
      <Canvas />
    </div>
  </ReactFlowProvider>,
);

// First render = nodes are in the DOM, measured and painted (two frames after they appear), or, zoomed out, the overview
// canvas is drawn.
const waitForNodes = () => {
  const nodes = document.querySelectorAll('.react-flow__node');
  const measured = nodes.length > 0 && [...nodes].every((n) => (n as HTMLElement).style.visibility !== 'hidden');
  if (!measured && !document.querySelector('.flow-overview[data-drawn]'))
    return void requestAnimationFrame(waitForNodes);
  requestAnimationFrame(() => {
    window.benchResult = { renderMs: performance.now() - t0, nodesInDom: nodes.length };
  });
};
requestAnimationFrame(waitForNodes);
