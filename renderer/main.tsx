import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openConnection } from './api/open-connection';
import { App } from './app/App';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App connection={openConnection()} />
  </StrictMode>,
);
