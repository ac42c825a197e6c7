import tokens from '../../components/design/tokens.css?inline';

/**
 * The in-page card's look: the design tokens (light and dark follow the system), read into its
 * closed shadow root. Sizes are in pixels: a page's own root font size must not shrink the card.
 */
export const REWRITE_CARD_STYLE = `${tokens}
  :host { all: initial; --text-xs: 11px; --text-sm: 12px; --text-md: 13px; --text-lg: 15px; }
  .card { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(440px, calc(100vw - 16px));
    max-height: min(60vh, 480px); display: flex; flex-direction: column; gap: var(--space-2);
    font: var(--text-md)/var(--leading) var(--font-sans); color: var(--color-text); background: var(--color-surface);
    border: 1px solid var(--color-border); border-radius: var(--radius-lg); box-shadow: var(--shadow-2); padding: var(--space-3); }
  .card:focus { outline: none; }
  .head { display: flex; align-items: center; gap: var(--space-2); }
  .title { margin: 0; font-size: var(--text-md); font-weight: 600; }
  .which { flex: 1; color: var(--color-text-muted); font-size: var(--text-sm); }
  .text { margin: 0; padding: var(--space-2) var(--space-3); overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
    background: var(--color-surface-sunken); border-radius: var(--radius-md); min-height: 3em; }
  .text.writing::after { content: '▍'; color: var(--color-accent); }
  ins, del { border-radius: 2px; padding: 0 1px; margin-right: 1px; }
  ins { background: var(--color-added); text-decoration: none; }
  del { background: var(--color-removed); color: var(--color-text-muted); }
  .status { margin: 0; min-height: 1.2em; color: var(--color-text-muted); font-size: var(--text-sm); }
  .status.problem { color: var(--color-danger); }
  .row { display: flex; flex-wrap: wrap; gap: var(--space-1); align-items: center; }
  .row.actions { gap: var(--space-2); }
  .spacer { flex: 1; }
  button { font: inherit; font-size: var(--text-sm); color: var(--color-text); background: var(--color-surface);
    border: 1px solid var(--color-border-strong); border-radius: var(--radius-sm); padding: 3px 10px; cursor: pointer; }
  button:hover { background: var(--color-surface-sunken); }
  button:focus-visible { outline: 2px solid var(--color-focus); outline-offset: 1px; }
  button[aria-disabled='true'] { opacity: 0.5; cursor: default; }
  button.chip { border-radius: var(--radius-pill); border-color: var(--color-border); background: var(--color-accent-soft); }
  button.primary { background: var(--color-accent); color: var(--color-accent-text); border-color: var(--color-accent); font-weight: 600; }
  button.primary:hover { background: var(--color-accent-hover); }
  button.quiet { border-color: transparent; background: transparent; }
  button[aria-pressed='true'] { background: var(--color-accent-soft); border-color: var(--color-accent); }
  .feedback { display: flex; flex-direction: column; gap: var(--space-1); }
  .feedback[hidden], .feedback [hidden] { display: none; }
  .note input { flex: 1; min-width: 0; font: inherit; font-size: var(--text-sm); color: var(--color-text); background: var(--color-surface);
    border: 1px solid var(--color-border-strong); border-radius: var(--radius-sm); padding: 3px 8px; }
  .note input:focus-visible { outline: 2px solid var(--color-focus); outline-offset: 1px; }
`;
