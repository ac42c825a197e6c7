// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { showsText, writeText } from './write-back';

// jsdom has no editing commands, so these cover the fallbacks; tests/e2e/editors.test.ts covers
// the browser's own paths (insertText, paste into Draft.js, ProseMirror and Slate) in Chromium.
afterEach(() => {
  document.body.innerHTML = '';
});

describe('writeText', () => {
  it('sets a textarea so a React-style value tracker still sees a change, and fires input and change', async () => {
    document.body.innerHTML = '<textarea>old draft</textarea>';
    const field = document.querySelector('textarea')!;
    // React keeps the last value it saw in a setter on the element itself; writing through it would hide the change.
    let trackedValue = field.value;
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(field, 'value', {
      configurable: true,
      get: () => proto.get!.call(field),
      set: (value: string) => {
        trackedValue = value;
        proto.set!.call(field, value);
      },
    });
    const seen: string[] = [];
    field.addEventListener('input', () => seen.push(`input:${field.value}:${trackedValue === field.value ? 'unchanged' : 'changed'}`));
    field.addEventListener('change', () => seen.push('change'));

    const result = await writeText(field, 'Rewritten, in my voice.');

    expect(result).toEqual({ ok: true, method: 'value' });
    expect(field.value).toBe('Rewritten, in my voice.');
    expect(seen).toEqual(['input:Rewritten, in my voice.:changed', 'change']);
  });

  it('replaces a plain contenteditable’s text with paragraphs and tells the page through an input event', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>old</p><p>draft</p></div>';
    const field = document.querySelector<HTMLElement>('[contenteditable]')!;
    const inputs: string[] = [];
    field.addEventListener('input', (event) => inputs.push((event as InputEvent).inputType));

    const result = await writeText(field, 'Hi Sam,\n\nThursday works.');

    expect(result.ok).toBe(true);
    expect(field.children).toHaveLength(3);
    expect(showsText(field, 'Hi Sam,\n\nThursday works.')).toBe(true);
    expect(inputs).toContain('insertReplacementText');
  });

  it('writes into the one editor inside a container field (block editors)', async () => {
    document.body.innerHTML = '<div class="is-root-container"><p contenteditable="true">old</p></div>';
    const result = await writeText(document.querySelector<HTMLElement>('.is-root-container')!, 'New text.');
    expect(result.ok).toBe(true);
    expect(document.querySelector('[contenteditable]')!.textContent).toBe('New text.');
  });

  it('reports failure when there is nothing to write into', async () => {
    document.body.innerHTML = '<div>read-only</div>';
    expect(await writeText(document.querySelector<HTMLElement>('div')!, 'x')).toEqual({ ok: false, method: null });
  });
});
