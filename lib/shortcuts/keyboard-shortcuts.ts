/**
 * Idiolect's keyboard shortcuts, as the manifest suggests them and as the options page reports
 * them. Chrome silently leaves a suggested key unassigned when it keeps that key for itself
 * (Alt+Shift+R and Alt+Shift+W are two it keeps on Linux), so each key here is one Chromium
 * assigns; tests/e2e/rewrite-in-page.test.ts presses them in a real browser.
 */
export const OPEN_POPUP_COMMAND = '_execute_action';
export const REWRITE_IN_PLACE_COMMAND = 'rewrite-in-place';
export const OPEN_POPUP_KEY = 'Alt+Shift+I';
/** On its own so the content script's control can name it without carrying the rest of this file. */
export const REWRITE_IN_PLACE_KEY = 'Alt+Shift+V';

export interface ShortcutDeclaration {
  command: string;
  /** What the shortcut does, as the options page and the browser's shortcut settings say it. */
  purpose: string;
  suggestedKey: string;
}

export const SHORTCUTS: readonly ShortcutDeclaration[] = [
  { command: OPEN_POPUP_COMMAND, purpose: 'Open Idiolect to rewrite the text you are writing', suggestedKey: OPEN_POPUP_KEY },
  { command: REWRITE_IN_PLACE_COMMAND, purpose: 'Rewrite in place: the selection, or the text you are writing', suggestedKey: REWRITE_IN_PLACE_KEY },
];

/** The manifest's `commands`, for Chrome (MV3 `_execute_action`) and Firefox (MV2 `_execute_browser_action`). */
export function manifestCommands(manifestVersion: number): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(
    SHORTCUTS.map(({ command, purpose, suggestedKey }) => [
      command === OPEN_POPUP_COMMAND && manifestVersion !== 3 ? '_execute_browser_action' : command,
      { suggested_key: { default: suggestedKey }, description: purpose },
    ]),
  );
}

/** A command as the browser reports it (`commands.getAll()`): its shortcut is empty when none is set. */
export interface AssignedCommand {
  name?: string;
  shortcut?: string;
}

export interface ShortcutState {
  command: string;
  purpose: string;
  /** The keys that work now, or null when the browser assigned none. */
  keys: string | null;
  /** True when the keys are not the ones Idiolect suggested (the person changed them, or the browser refused ours). */
  changed: boolean;
  suggestedKey: string;
}

/** Each declared shortcut with the keys the browser actually gave it. */
export function shortcutStates(assigned: readonly AssignedCommand[]): ShortcutState[] {
  return SHORTCUTS.map(({ command, purpose, suggestedKey }) => {
    const found = assigned.find((entry) => entry.name === command || (command === OPEN_POPUP_COMMAND && entry.name === '_execute_browser_action'));
    const keys = found?.shortcut ? found.shortcut : null;
    return { command, purpose, keys, changed: keys !== suggestedKey, suggestedKey };
  });
}
