import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '@/components/design/theme.css';
import { App } from './App';

// Opened in a tab of its own (keyboard users, tests), the popup fills the tab instead of its 400×600 box.
document.documentElement.classList.toggle('in-tab', new URLSearchParams(location.search).has('tab'));

// The shell and the draft go on screen in this task, not in one React schedules later: a popup is opened to type into.
const root = createRoot(document.getElementById('root')!);
flushSync(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
