import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root"> for the designer to mount');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
