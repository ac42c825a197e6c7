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

const MODEL_SELECTION_DELAY_MS = 120;

/** Editors that apply input to their own model first and re-render from it. */
const MODEL_EDITOR = '[data-slate-editor], .public-DraftEditor-content, [data-contents="true"], .ProseMirror, [data-lexical-editor]';

/**
 * What the person had selected in a field when they asked for a rewrite, so that only it is
 * replaced: offsets in a textarea, a range in a rich editor.
 */
export type FieldSelection = { start: number; end: number } | { range: Range };

export interface WriteOptions {
  /** Replace only this part of the field's text; the rest stays as it was. */
  selection?: FieldSelection;
  /**
   * In a rich editor, what marks parts that are not the user's text (Gmail's signature, the quoted
   * thread): the rewrite replaces only the user's lines above the first of them, which stay as they were.
   */
  keep?: string;
}

export async function writeText(field: HTMLElement, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const { selection } = options;
  if (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') {
    const control = field as HTMLTextAreaElement;
    const [start, end] = selection && 'start' in selection ? [selection.start, selection.end] : [0, control.value.length];
    return writeIntoTextControl(control, text, start, end);
  }
  const editable = editableIn(field);
  if (!editable) return { ok: false, method: null };
  if (selection && 'range' in selection) return writeIntoRange(editable, selection.range, text);
  return writeIntoEditable(editable, text, options.keep ?? null);
}

/** Whether `field` (its user's part) now shows `text`, ignoring whitespace: editors render paragraphs their own ways. */
export function showsText(field: HTMLElement, text: string, keep: string | null = null): boolean {
  let shown: string;
  if (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') shown = (field as HTMLTextAreaElement).value;
  else if (keep) shown = ownRange(field, keep).toString();
  else shown = field.innerText || field.textContent || '';
  return squash(shown) === squash(text);
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
}

/** Replaces the characters from `start` to `end` (all of them for a whole rewrite). */
function writeIntoTextControl(field: HTMLTextAreaElement, text: string, start: number, end: number): WriteResult {
  const expected = field.value.slice(0, start) + text + field.value.slice(end);
  field.focus();
  field.setSelectionRange(start, end);
  if (runEditingCommand(field.ownerDocument, text) && field.value === expected) return { ok: true, method: 'insertText' };
  // The prototype's setter, not the element's: React tracks values through a setter of its own.
  const view = field.ownerDocument.defaultView!;
  const proto = field.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, expected);
  field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  field.dispatchEvent(new view.Event('change', { bubbles: true }));
  return { ok: field.value === expected, method: 'value' };
}

/**
 * Replaces the part of a rich editor the person had selected: the selection is put back, then
 * the editor gets a paste (model editors) or the browser's insertText, as for a whole rewrite.
 */
async function writeIntoRange(editable: HTMLElement, range: Range, text: string): Promise<WriteResult> {
  const doc = editable.ownerDocument;
  const around = (from: boolean) => {
    const part = doc.createRange();
    part.selectNodeContents(editable);
    if (from) part.setEnd(range.startContainer, range.startOffset);
    else part.setStart(range.endContainer, range.endOffset);
    return squash(part.toString());
  };
  const expected = around(true) + squash(text) + around(false);
  const landed = () => squash(editable.textContent ?? '') === expected;
  const select = async () => {
    const changed = nextEvent(doc, 'selectionchange', 100);
    doc.getSelection()?.removeAllRanges();
    doc.getSelection()?.addRange(range.cloneRange());
    await changed;
  };
  editable.focus();
  await select();
  if (editable.matches(MODEL_EDITOR)) {
    await nextEvent(doc, '', MODEL_SELECTION_DELAY_MS);
    if ((dispatchPaste(editable, text) || dispatchBeforeInputPaste(editable, text)) && (await settlesOn(editable, landed))) return { ok: true, method: 'paste' };
    await select();
  }
  if (runEditingCommand(doc, text) && (await settlesOn(editable, landed))) return { ok: true, method: 'insertText' };
  return { ok: false, method: null };
}

async function writeIntoEditable(editable: HTMLElement, text: string, keep: string | null): Promise<WriteResult> {
  editable.focus();
  if (editable.matches(MODEL_EDITOR)) {
    // Model editors take the selection from `selectionchange`, Slate throttled to 100 ms: paste
    // only once they have seen the whole text selected, or the paste lands beside the old text.
    for (let attempt = 0; attempt < 2; attempt++) {
      await selectContents(editable, keep);
      await nextEvent(editable.ownerDocument, '', MODEL_SELECTION_DELAY_MS);
      if (!dispatchPaste(editable, text) && !dispatchBeforeInputPaste(editable, text)) break;
      if (await settles(editable, text, keep)) return { ok: true, method: 'paste' };
    }
  }
  await selectContents(editable, keep);
  if (runEditingCommand(editable.ownerDocument, text) && (await settles(editable, text, keep))) return { ok: true, method: 'insertText' };
  replaceContents(editable, text, keep);
  return { ok: await settles(editable, text, keep), method: 'dom' };
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

/**
 * The user's part of the editor: everything, or, when `keep` marks parts to leave alone, the lines
 * up to the last one with text above the first kept part (the blank lines before a signature stay).
 * Found afresh each time: the browser's editing may replace the nodes around it.
 */
function ownRange(editable: HTMLElement, keep: string | null): Range {
  const range = editable.ownerDocument.createRange();
  range.selectNodeContents(editable);
  if (!keep) return range;
  const children = [...editable.childNodes];
  const firstKept = children.findIndex((child) => child.nodeType === 1 && ((child as Element).matches(keep) || !!(child as Element).querySelector(keep)));
  if (firstKept < 0) return range;
  const above = children.slice(0, firstKept);
  const lastWithText = above.findLastIndex((child) => (child.textContent ?? '').trim() !== '');
  if (lastWithText >= 0) range.setEndAfter(above[lastWithText]!);
  else if (above[0]?.nodeType === 1) range.setEnd(above[0], 0);
  else range.collapse(true);
  return range;
}

async function selectContents(editable: HTMLElement, keep: string | null): Promise<void> {
  const doc = editable.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const changed = nextEvent(doc, 'selectionchange', 100);
  const range = ownRange(editable, keep);
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

/** The same paste as an input event, for editors that only listen to `beforeinput` (Slate, Lexical). */
function dispatchBeforeInputPaste(editable: HTMLElement, text: string): boolean {
  const view = editable.ownerDocument.defaultView!;
  try {
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    const event = new view.InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    return !editable.dispatchEvent(event);
  } catch {
    return false;
  }
}

/** Editors re-render on their own schedule: give them a few frames to show `text`. */
function settles(editable: HTMLElement, text: string, keep: string | null): Promise<boolean> {
  return settlesOn(editable, () => showsText(editable, text, keep));
}

async function settlesOn(editable: HTMLElement, shows: () => boolean): Promise<boolean> {
  for (let frame = 0; frame < 6; frame++) {
    if (shows()) return true;
    await nextEvent(editable.ownerDocument, '', 16);
  }
  return shows();
}

function replaceContents(editable: HTMLElement, text: string, keep: string | null): void {
  const doc = editable.ownerDocument;
  const paragraphs = text.split('\n').map((line) => {
    const block = doc.createElement('div');
    if (line === '') block.append(doc.createElement('br'));
    else block.textContent = line;
    return block;
  });
  ownRange(editable, keep).deleteContents();
  editable.prepend(...paragraphs);
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
