import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { shortcutStates, type ShortcutState } from '@/lib/shortcuts/keyboard-shortcuts';

type ShortcutSettings = { openShortcutSettings?: () => Promise<void> };

/** Opens the browser's own page for extension shortcuts: Chrome's by address, Firefox's through its API. */
async function openBrowserShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & ShortcutSettings;
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

function describeKeys(state: ShortcutState): string {
  if (state.keys === null) return `Not set: the browser did not give it ${state.suggestedKey}, which something else may use.`;
  return state.changed ? `You chose these keys (Idiolect suggests ${state.suggestedKey}).` : '';
}

/** The shortcuts as the browser assigned them, because a browser may refuse a suggested key without a word. */
export function KeyboardShortcuts() {
  const [states, setStates] = useState<ShortcutState[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    const read = () => void browser.commands.getAll().then((assigned) => setStates(shortcutStates(assigned)));
    read();
    // Back from the browser's shortcut settings, show what the person set there.
    addEventListener('focus', read);
    return () => removeEventListener('focus', read);
  }, []);

  async function change() {
    setProblem(null);
    try {
      await openBrowserShortcutSettings();
    } catch {
      setProblem('This browser did not open its shortcut settings: in Firefox they are under about:addons → ⚙ → Manage Extension Shortcuts.');
    }
  }

  return (
    <section aria-labelledby={headingId} className="stack tight">
      <h3 id={headingId}>Keyboard shortcuts</h3>
      {states && (
        <dl className="shortcuts">
          {states.map((state) => (
            <div key={state.command}>
              <dt>{state.purpose}</dt>
              <dd>
                {state.keys ? <kbd>{state.keys}</kbd> : <span className="badge warning">No shortcut</span>}
                {describeKeys(state) && <span className="hint"> {describeKeys(state)}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions">
        <button type="button" onClick={() => void change()}>
          Change shortcuts
        </button>
      </div>
      {problem && <p role="status">{problem}</p>}
    </section>
  );
}
