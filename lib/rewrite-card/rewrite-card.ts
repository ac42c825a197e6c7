import { attachPageCard } from '../harvest/page-card';
import { siteAdapterFor } from '../harvest/sites';
import type { SiteAdapter } from '../harvest/site-adapter';
import type { FieldSelection } from '../harvest/write-back';
import type { Adjustment } from '../hyperalign/rewrite-choices';
import { describeFidelity } from '../rewrite/fidelity';
import { wordChanges } from '../rewrite/word-changes';
import { feedbackRow } from './card-feedback';
import { REWRITE_CARD_STYLE } from './card-style';
import { draftInFocusedField, type FieldDraft } from './field-draft';
import { streamRewrite } from './rewrite-stream';
import { ADJUSTMENT_NAMES, Tries } from './tries';

const GAP = 8;
const NO_FIELD = 'Click into the text you are writing (or select part of it), then ask Idiolect again.';
const READY = 'Rewrite ready. Replace puts it into your text; undo (Ctrl+Z) takes it back.';
const NOT_TAKEN = 'This page’s editor did not take the rewrite. Your text is unchanged.';

let openCard: { focus(): void } | null = null;

/**
 * Opens Idiolect's card over the field the person is writing in: the rewrite of their selection
 * (or of the whole text) streams into it; Replace writes it through the site's own editor, so one
 * undo brings the original back. The card lives in a closed shadow root: the page can neither
 * style nor read it. Only the person's own clicks and keys act on it.
 */
export function openRewriteCard(doc: Document): void {
  if (openCard) {
    openCard.focus();
    return;
  }
  const site = siteAdapterFor(new URL(doc.location.href), doc);
  const draft = draftInFocusedField(doc, site);
  openCard = draft ? showRewriteCard(doc, site, draft) : showNoFieldCard(doc);
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const made = doc.createElement(tag);
  if (className) made.className = className;
  if (text) made.textContent = text;
  return made;
}

function button(doc: Document, label: string, className = ''): HTMLButtonElement {
  const made = element(doc, 'button', className, label);
  made.type = 'button';
  return made;
}

function showNoFieldCard(doc: Document): { focus(): void } {
  const { host, card } = attachPageCard(doc, 'idiolect-rewrite', REWRITE_CARD_STYLE, 'dialog');
  card.setAttribute('aria-label', 'Idiolect: rewrite in your voice');
  card.tabIndex = -1;
  Object.assign(card.style, { right: '16px', bottom: '16px' });
  const message = element(doc, 'p', 'status', NO_FIELD);
  message.setAttribute('role', 'status');
  const close = button(doc, 'Close');
  card.append(message, close);
  const finish = () => {
    host.remove();
    openCard = null;
  };
  close.addEventListener('click', finish);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') finish();
  });
  close.focus();
  return { focus: () => close.focus() };
}

function showRewriteCard(doc: Document, site: SiteAdapter, draft: FieldDraft): { focus(): void } {
  const view = doc.defaultView!;
  const { host, card } = attachPageCard(doc, 'idiolect-rewrite', REWRITE_CARD_STYLE, 'dialog');
  card.setAttribute('aria-label', 'Idiolect: rewrite in your voice');
  card.tabIndex = -1;

  const title = element(doc, 'h2', 'title', draft.selection ? 'Rewrite of your selection' : 'Rewrite in your voice');
  const which = element(doc, 'span', 'which');
  const previous = button(doc, 'Previous try', 'quiet');
  const next = button(doc, 'Next try', 'quiet');
  const text = element(doc, 'p', 'text');
  text.setAttribute('aria-label', 'Rewrite');
  const status = element(doc, 'p', 'status');
  status.setAttribute('role', 'status');
  const adjustments = element(doc, 'div', 'row');
  adjustments.setAttribute('role', 'group');
  adjustments.setAttribute('aria-label', 'Adjust the rewrite');
  const adjustButtons = (Object.keys(ADJUSTMENT_NAMES) as Adjustment[]).map((adjustment) => {
    const chip = button(doc, ADJUSTMENT_NAMES[adjustment], 'chip');
    chip.addEventListener('click', (event) => act(event, () => startTry(adjustment)));
    return chip;
  });
  adjustments.append(...adjustButtons);
  const replace = button(doc, 'Replace', 'primary');
  const again = button(doc, 'Try again');
  const changes = button(doc, 'Show changes');
  changes.setAttribute('aria-pressed', 'false');
  const cancel = button(doc, 'Cancel', 'quiet');
  const actions = element(doc, 'div', 'row actions');
  actions.append(replace, again, changes, element(doc, 'span', 'spacer'), cancel);
  const head = element(doc, 'div', 'head');
  head.append(title, which, previous, next);
  const feedback = feedbackRow(doc, (message, problem) => say(message, problem));
  card.append(head, text, status, adjustments, feedback.row, actions);

  const tries = new Tries();
  let stopStream: (() => void) | null = null;
  let showChanges = false;
  let replacing = false;

  function render(): void {
    const shown = tries.current();
    which.textContent = tries.label();
    text.classList.toggle('writing', shown?.state === 'writing');
    if (showChanges && shown?.state === 'ready') {
      // Text nodes only: the model's words are never read as markup.
      text.replaceChildren(
        ...wordChanges(draft.text, shown.text).map((part) => {
          if (part.kind === 'same') return doc.createTextNode(part.text);
          const marked = doc.createElement(part.kind === 'added' ? 'ins' : 'del');
          marked.textContent = part.text;
          return marked;
        }),
      );
    } else {
      text.textContent = shown?.text ?? '';
    }
    const writing = shown?.state === 'writing';
    const busy = writing || replacing;
    setDisabled(replace, busy || shown?.state !== 'ready');
    setDisabled(changes, busy || shown?.state !== 'ready');
    for (const control of [again, ...adjustButtons]) setDisabled(control, busy);
    setDisabled(previous, busy || !tries.canStep(-1));
    setDisabled(next, busy || !tries.canStep(1));
    changes.setAttribute('aria-pressed', String(showChanges));
    feedback.show(shown?.state === 'ready' && !replacing ? shown : null);
  }

  function say(message: string, problem = false): void {
    status.textContent = message;
    status.classList.toggle('problem', problem);
  }

  function startTry(adjustment: Adjustment | null): void {
    const attempt = tries.add(adjustment);
    say('Writing in your voice…');
    render();
    stopStream = streamRewrite({ draft: draft.text, kind: draft.kind, ...(adjustment ? { adjustment } : {}) }, (event) => {
      if (event.type === 'delta') attempt.text += event.text;
      if (event.type === 'done') {
        attempt.text = event.text;
        attempt.state = 'ready';
        // Without a learned profile there is no version to weigh feedback against, so none is asked for.
        if (event.setId) attempt.guide = { profileId: event.profileId, setId: event.setId, hypothesisIds: event.guidedBy.map((hypothesis) => hypothesis.id) };
        stopStream = null;
        say(describeFidelity(event.fidelity) ?? READY, describeFidelity(event.fidelity) !== null);
      }
      if (event.type === 'error') {
        attempt.state = 'failed';
        attempt.error = event.message;
        stopStream = null;
        say(event.message, true);
      }
      if (tries.current() === attempt) render();
    });
  }

  async function replaceText(): Promise<void> {
    const shown = tries.current();
    if (!shown || shown.state !== 'ready') return;
    replacing = true;
    render();
    say('Replacing…');
    const result = await site.writeText(draft.field, shown.text, draft.selection).catch(() => ({ ok: false }));
    replacing = false;
    if (result.ok) {
      close(false);
      return;
    }
    say(NOT_TAKEN, true);
    render();
  }

  /** Runs a control's action for the person's own click, unless the control is disabled now. */
  function act(event: Event, action: () => void): void {
    if (!event.isTrusted || (event.currentTarget as Element).getAttribute('aria-disabled') === 'true') return;
    action();
  }

  function place(): void {
    const field = draft.editable.getBoundingClientRect();
    const height = card.offsetHeight;
    const width = card.offsetWidth;
    const below = field.bottom + GAP + height <= view.innerHeight;
    const top = below ? field.bottom + GAP : Math.max(GAP, field.top - GAP - height);
    const left = Math.min(Math.max(GAP, field.left), Math.max(GAP, view.innerWidth - width - GAP));
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
  }

  function close(giveFocusBack: boolean): void {
    stopStream?.();
    view.removeEventListener('scroll', place, true);
    view.removeEventListener('resize', place);
    host.remove();
    openCard = null;
    if (giveFocusBack) restoreFocus(doc, draft.editable, draft.selection);
  }

  replace.addEventListener('click', (event) => act(event, () => void replaceText()));
  again.addEventListener('click', (event) => act(event, () => startTry(null)));
  changes.addEventListener('click', (event) =>
    act(event, () => {
      showChanges = !showChanges;
      render();
    }),
  );
  previous.addEventListener('click', (event) => act(event, () => (tries.step(-1), render())));
  next.addEventListener('click', (event) => act(event, () => (tries.step(1), render())));
  cancel.addEventListener('click', () => close(true));
  card.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close(true);
  });
  view.addEventListener('scroll', place, { capture: true, passive: true });
  view.addEventListener('resize', place, { passive: true });

  startTry(null);
  place();
  card.focus();
  return { focus: () => card.focus() };
}

function setDisabled(control: HTMLButtonElement, disabled: boolean): void {
  control.setAttribute('aria-disabled', String(disabled));
}

/** Back to the field as the person left it, with their selection. */
function restoreFocus(doc: Document, editable: HTMLElement, selection: FieldSelection | undefined): void {
  editable.focus();
  if (!selection) return;
  if ('start' in selection) (editable as HTMLTextAreaElement).setSelectionRange(selection.start, selection.end);
  else {
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(selection.range);
  }
}
