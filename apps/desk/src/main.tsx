import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeskApp } from './components/DeskApp.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root"> for the desk to mount');
createRoot(root).render(
  <StrictMode>
    <DeskApp />
  </StrictMode>,
);
