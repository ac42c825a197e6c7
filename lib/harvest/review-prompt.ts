import { attachPageCard, SMALL_CARD_STYLE } from './page-card';

const PREVIEW_CHARS = 140;
/** Long enough to read the preview, short enough not to linger over the page. */
const DISMISS_AFTER_MS = 20_000;

/**
 * Asks, in a small card in the page's corner, whether the text just sent should be kept as a
 * sample. The card lives in a shadow root so the page's styles cannot bend it; it shows only text
 * the page already had.
 * Resolves false on Discard, Escape, or when it goes unanswered. One card at a time: a second
 * text sent meanwhile waits for the first card to be answered, never hidden under it.
 */
export function askToKeepSample(doc: Document, text: string): Promise<boolean> {
  const asked = waiting.then(() => showReviewCard(doc, text));
  waiting = asked;
  return asked;
}

let waiting: Promise<unknown> = Promise.resolve();

function showReviewCard(doc: Document, text: string): Promise<boolean> {
  const { host, card } = attachPageCard(doc, 'idiolect-review', SMALL_CARD_STYLE, 'dialog');
  card.setAttribute('aria-label', 'Idiolect: keep this writing sample?');
  const question = doc.createElement('p');
  question.textContent = 'Keep what you just sent as a writing sample for Idiolect?';
  const preview = doc.createElement('q');
  preview.textContent = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
  const keep = doc.createElement('button');
  keep.textContent = 'Keep';
  keep.setAttribute('aria-label', 'Keep as writing sample');
  const discard = doc.createElement('button');
  discard.textContent = 'Discard';
  discard.setAttribute('aria-label', 'Discard, do not keep');
  card.append(question, preview, keep, discard);

  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), DISMISS_AFTER_MS);
    function finish(kept: boolean) {
      clearTimeout(timer);
      host.remove();
      resolve(kept);
    }
    // Only the person's own click keeps a sample; the page's script could click the button too.
    keep.addEventListener('click', (event) => {
      if (event.isTrusted) finish(true);
    });
    discard.addEventListener('click', () => finish(false));
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish(false);
    });
  });
}
