// First: what the first screen reads starts before React is evaluated (see first-screen.ts).
import { firstScreen } from './first-screen';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '@/components/design/theme.css';
import type { FirstScreen } from '@/lib/popup/first-screen';
import { App } from './App';

/** Past this, the shell (heading, Draft, Rewrite) is drawn before the reads are in, to be typed into. */
const SHELL_AFTER_MS = 100;

// Opened in a tab of its own (keyboard users, tests), the popup fills the tab instead of its 400×600 box.
document.documentElement.classList.toggle('in-tab', new URLSearchParams(location.search).has('tab'));

// Drawn once, with what was read (the voice, the draft): a screen the person can use, not a shell
// that fills in. Drawn in this task, not in one React schedules later: a popup is opened to type into.
const root = createRoot(document.getElementById('root')!);
let drawn = false;
function draw(read: FirstScreen | null) {
  if (drawn) return;
  drawn = true;
  flushSync(() =>
    root.render(
      <StrictMode>
        <App reading={firstScreen} read={read} />
      </StrictMode>,
    ),
  );
}
void firstScreen.then(draw, () => draw(null));
setTimeout(() => draw(null), SHELL_AFTER_MS);
