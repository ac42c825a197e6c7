/**
 * Writing a rewrite back into the page's editor so that the page's own code sees it: the browser's
 * undo stack, React's controlled inputs, and rich-text editors that keep their own document model
 * (Draft.js, Slate, ProseMirror, Lexical, Quill) and would otherwise put their old text back.
 */

/**
 * How the text got in. `insertText`: the browser's own editing command (undoable, fires input).
 * `paste`: a paste event the editor handled itself, so its model has the text (its own undo).
 * `value`: a textarea's value set with the native setter plus an input event (React sees it).
 * `dom`: nothing else took; the editor's DOM was replaced and an input event fired.
 */
export type WriteMethod = 'insertText' | 'paste' | 'value' | 'dom';

export interface WriteResult {
  /** Whether the editor shows the new text afterwards. */
  ok: boolean;
  method: WriteMethod | null;
}

/** Editors that apply input to their own model first and re-render from it. */
const MODEL_EDITOR = '[data-slate-editor], .public-DraftEditor-content, [data-contents="true"], .ProseMirror, [data-lexical-editor]';

export async function writeText(field: HTMLElement, text: string): Promise<WriteResult> {
  if (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') return writeIntoTextControl(field as HTMLTextAreaElement, text);
  const editable = editableIn(field);
  if (!editable) return { ok: false, method: null };
  return writeIntoEditable(editable, text);
}

/** Whether `field` now shows `text`, ignoring whitespace (editors render paragraphs in their own ways). */
export function showsText(field: HTMLElement, text: string): boolean {
  const shown = field.tagName === 'TEXTAREA' || field.tagName === 'INPUT' ? (field as HTMLTextAreaElement).value : field.innerText || field.textContent || '';
  return squash(shown) === squash(text);
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

function writeIntoTextControl(field: HTMLTextAreaElement, text: string): WriteResult {
  field.focus();
  field.setSelectionRange(0, field.value.length);
  if (runEditingCommand(field.ownerDocument, text) && field.value === text) return { ok: true, method: 'insertText' };
  // The prototype's setter, not the element's: React tracks values through a setter of its own.
  const view = field.ownerDocument.defaultView!;
  const proto = field.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, text);
  field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  field.dispatchEvent(new view.Event('change', { bubbles: true }));
  return { ok: field.value === text, method: 'value' };
}

async function writeIntoEditable(editable: HTMLElement, text: string): Promise<WriteResult> {
  editable.focus();
  if (editable.matches(MODEL_EDITOR)) {
    // Model editors read the selection from `selectionchange`; paste only after they saw it.
    for (let attempt = 0; attempt < 2; attempt++) {
      await selectContents(editable);
      if (!dispatchPaste(editable, text)) break;
      if (await settles(editable, text)) return { ok: true, method: 'paste' };
    }
  }
  await selectContents(editable);
  if (runEditingCommand(editable.ownerDocument, text) && (await settles(editable, text))) return { ok: true, method: 'insertText' };
  replaceContents(editable, text);
  return { ok: await settles(editable, text), method: 'dom' };
}

/** The contenteditable to write into: the field itself, or the one editor inside a container. */
function editableIn(field: HTMLElement): HTMLElement | null {
  if (field.isContentEditable || field.getAttribute('contenteditable') === 'true') return field;
  return field.querySelector<HTMLElement>('[contenteditable="true"], [contenteditable=""]');
}

/** `insertText` replaces the selection as if typed: it lands on the undo stack and fires input. */
function runEditingCommand(doc: Document, text: string): boolean {
  try {
    return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

async function selectContents(editable: HTMLElement): Promise<void> {
  const doc = editable.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const changed = nextEvent(doc, 'selectionchange', 100);
  const range = doc.createRange();
  range.selectNodeContents(editable);
  selection.removeAllRanges();
  selection.addRange(range);
  await changed;
}

/** A paste of plain text, as the editor would get it from the clipboard; true if the editor took it. */
function dispatchPaste(editable: HTMLElement, text: string): boolean {
  const view = editable.ownerDocument.defaultView!;
  let data: DataTransfer;
  try {
    data = new view.DataTransfer();
    data.setData('text/plain', text);
  } catch {
    return false;
  }
  const event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  return !editable.dispatchEvent(event);
}

/** Editors re-render on their own schedule: give them a few frames to show `text`. */
async function settles(editable: HTMLElement, text: string): Promise<boolean> {
  for (let frame = 0; frame < 6; frame++) {
    if (showsText(editable, text)) return true;
    await nextEvent(editable.ownerDocument, '', 16);
  }
  return showsText(editable, text);
}

function replaceContents(editable: HTMLElement, text: string): void {
  const doc = editable.ownerDocument;
  const paragraphs = text.split('\n').map((line) => {
    const block = doc.createElement('div');
    if (line === '') block.append(doc.createElement('br'));
    else block.textContent = line;
    return block;
  });
  editable.replaceChildren(...paragraphs);
  const view = doc.defaultView!;
  editable.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
}

/** Resolves at the next `type` event on `target`, or after `timeoutMs`, whichever comes first. */
function nextEvent(target: Document, type: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      if (type) target.removeEventListener(type, done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    if (type) target.addEventListener(type, done, { once: true });
  });
}
