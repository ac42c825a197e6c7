/** Fields whose names or autofill hints say they hold secrets, payment data or searches. */
const PRIVATE_HINT = /pass(word|wd|code|phrase)|\bpass\b|\bpin\b|\botp\b|one[-_ ]?time|\b2fa\b|\bmfa\b|verification|security[-_ ]?code|\bcard\b|card[-_ ]?(number|num|no)|\bcc[-_]|\bcvc\b|\bcvv\b|\biban\b|search|query/i;
const PRIVATE_AUTOCOMPLETE = /one-time-code|password|^cc-|\bcc-|transaction|search/i;

function hintsOf(element: Element): string {
  return ['name', 'id', 'autocomplete', 'aria-label', 'placeholder', 'inputmode', 'data-testid']
    .map((attribute) => element.getAttribute(attribute) ?? '')
    .join(' ');
}

function isHidden(element: HTMLElement): boolean {
  if (element.closest('[hidden], [aria-hidden="true"], [inert]')) return true;
  if (element.getClientRects().length === 0) return true;
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return style?.visibility === 'hidden' || style?.display === 'none';
}

/**
 * Only a visible textarea or rich-text editor the user typed into may ever be read. `<input>`
 * elements never are: they are where passwords, codes, card numbers and searches live.
 */
export function isReadableUserField(element: Element | null): element is HTMLElement {
  if (!element || !(element instanceof element.ownerDocument.defaultView!.HTMLElement)) return false;
  const isTextarea = element.tagName === 'TEXTAREA';
  if (!isTextarea && !element.isContentEditable) return false;
  if (isTextarea && ((element as HTMLTextAreaElement).disabled || (element as HTMLTextAreaElement).readOnly)) return false;
  if (element.getAttribute('role') === 'searchbox' || element.closest('[role="search"], form[role="search"]')) return false;
  if (PRIVATE_AUTOCOMPLETE.test(element.getAttribute('autocomplete') ?? '')) return false;
  if (PRIVATE_HINT.test(hintsOf(element))) return false;
  return !isHidden(element);
}

/** The editable root a focus or key event landed in: the textarea itself or the outermost contenteditable. */
export function editableRootOf(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  if (target.tagName === 'TEXTAREA') return target as HTMLElement;
  let root: HTMLElement | null = null;
  for (let node: HTMLElement | null = target.closest('[contenteditable]'); node; node = node.parentElement?.closest('[contenteditable]') ?? null) {
    if (node.isContentEditable) root = node;
  }
  return root;
}
