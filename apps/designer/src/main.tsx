import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { setupMonaco } from './monaco/setupMonaco.ts';
import { App } from './components/App/App.tsx';

setupMonaco();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root"> for the designer to mount');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
