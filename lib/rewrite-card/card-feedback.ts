import type { FeedbackVerdict } from '../db/records';
import { sendMessage } from '../messaging';

/** What one finished try was written from, as the background said when it was done. */
export interface TryGuide {
  profileId: string;
  setId: string;
  hypothesisIds: string[];
}

/** The person's verdict on one try, kept with it so stepping between tries shows each one's own. */
export interface TryVerdict {
  verdict: FeedbackVerdict | null;
  note: string;
}

/** A finished try; feedback is asked for only when it says what it was written from. */
export interface FeedbackTarget extends TryVerdict {
  id: string;
  text: string;
  guide?: TryGuide;
}

const VERDICT_LABELS: Record<FeedbackVerdict, string> = { 'like-me': 'Sounds like me', 'not-like-me': 'Not like me' };
const SAVED = 'Kept: the next refinement of your profile weighs it.';
const TAKEN_BACK = 'Taken back.';

/**
 * "Sounds like me" / "Not like me" on the try shown, with an optional note, as in the popup: the
 * background keeps it with the hypotheses that guided the try, as evidence for the next
 * refinement. Pressing the chosen verdict again takes it back. Returns the row and a function
 * that shows it for a try (or hides it while none is finished).
 */
export function feedbackRow(doc: Document, say: (message: string, problem?: boolean) => void) {
  const row = doc.createElement('div');
  row.className = 'feedback';
  const verdicts = doc.createElement('div');
  verdicts.className = 'row';
  verdicts.setAttribute('role', 'group');
  verdicts.setAttribute('aria-label', 'Does this sound like you?');
  const note = doc.createElement('input');
  note.type = 'text';
  note.maxLength = 1_000;
  note.placeholder = 'Note (optional): what sounds off?';
  note.setAttribute('aria-label', 'Note (optional)');
  const saveNote = doc.createElement('button');
  saveNote.type = 'button';
  saveNote.textContent = 'Save note';
  const noteRow = doc.createElement('div');
  noteRow.className = 'row note';
  noteRow.append(note, saveNote);
  // Typing a note must not reach the page's own keyboard shortcuts.
  for (const type of ['keydown', 'keypress', 'keyup'] as const) note.addEventListener(type, (event) => event.key !== 'Escape' && event.stopPropagation());

  let target: FeedbackTarget | null = null;
  const buttons = (Object.keys(VERDICT_LABELS) as FeedbackVerdict[]).map((verdict) => {
    const made = doc.createElement('button');
    made.type = 'button';
    made.textContent = VERDICT_LABELS[verdict];
    made.addEventListener('click', (event) => event.isTrusted && void choose(verdict));
    return { verdict, made };
  });
  verdicts.append(...buttons.map(({ made }) => made));
  row.append(verdicts, noteRow);
  saveNote.addEventListener('click', (event) => {
    if (!event.isTrusted || saveNote.getAttribute('aria-disabled') === 'true' || !target?.verdict) return;
    void save(target, target.verdict, note.value);
  });
  note.addEventListener('input', () => render());

  async function save(shown: FeedbackTarget, verdict: FeedbackVerdict, withNote: string): Promise<void> {
    if (!shown.guide) return;
    try {
      const cleanNote = withNote.trim();
      await sendMessage('saveRewriteFeedback', {
        id: shown.id,
        ...shown.guide,
        rewrite: shown.text,
        verdict,
        note: cleanNote || null,
      });
      shown.verdict = verdict;
      shown.note = cleanNote;
      say(SAVED);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), true);
    }
    render();
  }

  async function choose(verdict: FeedbackVerdict): Promise<void> {
    const shown = target;
    if (!shown) return;
    if (shown.verdict !== verdict) return save(shown, verdict, note.value);
    try {
      await sendMessage('deleteRewriteFeedback', shown.id);
      shown.verdict = null;
      shown.note = '';
      note.value = '';
      say(TAKEN_BACK);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error), true);
    }
    render();
  }

  function render(): void {
    row.hidden = !target;
    for (const { verdict, made } of buttons) made.setAttribute('aria-pressed', String(target?.verdict === verdict));
    noteRow.hidden = !target?.verdict;
    saveNote.setAttribute('aria-disabled', String(note.value.trim() === (target?.note ?? '')));
  }

  function show(next: FeedbackTarget | null): void {
    const asked = next?.guide ? next : null;
    if (asked !== target) note.value = asked?.note ?? '';
    target = asked;
    render();
  }

  show(null);
  return { row, show };
}
