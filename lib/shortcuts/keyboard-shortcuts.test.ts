import { describe, expect, it } from 'vitest';
import { manifestCommands, OPEN_POPUP_COMMAND, OPEN_POPUP_KEY, REWRITE_IN_PLACE_COMMAND, REWRITE_IN_PLACE_KEY, shortcutStates } from './keyboard-shortcuts';

describe('keyboard shortcuts', () => {
  it('declares the popup under each manifest version’s own name, with every command described', () => {
    expect(Object.keys(manifestCommands(3))).toEqual([OPEN_POPUP_COMMAND, REWRITE_IN_PLACE_COMMAND]);
    expect(Object.keys(manifestCommands(2))).toEqual(['_execute_browser_action', REWRITE_IN_PLACE_COMMAND]);
    for (const command of Object.values(manifestCommands(3))) expect(command.description.length).toBeGreaterThan(10);
  });

  it('suggests keys that hold Ctrl or Alt, as Chrome requires, and no two alike', () => {
    const keys = Object.values(manifestCommands(3)).map((command) => command.suggested_key.default);
    for (const key of keys) expect(key).toMatch(/^(Ctrl|Alt)\+/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('says which shortcut the browser left unset and which the person changed', () => {
    const states = shortcutStates([
      { name: OPEN_POPUP_COMMAND, shortcut: 'Ctrl+Shift+K' },
      { name: REWRITE_IN_PLACE_COMMAND, shortcut: '' },
    ]);
    expect(states.map(({ command, keys, changed }) => ({ command, keys, changed }))).toEqual([
      { command: OPEN_POPUP_COMMAND, keys: 'Ctrl+Shift+K', changed: true },
      { command: REWRITE_IN_PLACE_COMMAND, keys: null, changed: true },
    ]);
  });

  it('reads Firefox’s name for the popup’s command, and keys left as suggested as unchanged', () => {
    const states = shortcutStates([
      { name: '_execute_browser_action', shortcut: OPEN_POPUP_KEY },
      { name: REWRITE_IN_PLACE_COMMAND, shortcut: REWRITE_IN_PLACE_KEY },
    ]);
    expect(states.every((state) => state.keys === state.suggestedKey && !state.changed)).toBe(true);
  });
});
