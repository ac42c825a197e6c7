/**
 * jsdom has no layout and no `isContentEditable`: pretend every element not styled `display:none`
 * is on screen, and compute editability from the attribute, so privacy checks behave as in a browser.
 */
export function pretendLaidOut(): void {
  Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      const host = this.closest('[contenteditable]');
      return !!host && host.getAttribute('contenteditable') !== 'false';
    },
  });
  HTMLElement.prototype.getClientRects = function (this: HTMLElement) {
    const hidden = this.closest('[style*="display: none"], [style*="display:none"]');
    return (hidden ? [] : [new DOMRect(0, 0, 100, 20)]) as unknown as DOMRectList;
  };
}

/** What typing leaves behind: the text in the field and an input event from it. */
export function typeInto(field: HTMLElement, text: string): void {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) field.value = text;
  else field.textContent = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
