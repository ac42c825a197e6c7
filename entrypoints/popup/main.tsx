import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/design/theme.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
