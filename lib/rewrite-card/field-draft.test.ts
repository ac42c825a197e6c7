// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { genericSite } from '../harvest/sites/generic';
import { draftInFocusedField } from './field-draft';

// jsdom lays nothing out; a field with no boxes counts as hidden, so give the fields one.
function visible(element: HTMLElement): HTMLElement {
  element.getClientRects = () => [{ width: 100, height: 20 }] as unknown as DOMRectList;
  return element;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the draft the in-page card rewrites', () => {
  it('is the selected words of a textarea, with where they are, when some are selected', () => {
    document.body.innerHTML = '<textarea>Hi Sam, see you at noon. Thanks</textarea>';
    const area = visible(document.querySelector('textarea')!) as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(8, 24);
    expect(draftInFocusedField(document, genericSite)).toMatchObject({ text: 'see you at noon.', selection: { start: 8, end: 24 }, kind: 'other' });
  });

  it('is the whole text when nothing is selected', () => {
    document.body.innerHTML = '<textarea>Hi Sam, see you at noon.</textarea>';
    const area = visible(document.querySelector('textarea')!) as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(3, 3);
    const draft = draftInFocusedField(document, genericSite);
    expect(draft?.text).toBe('Hi Sam, see you at noon.');
    expect(draft?.selection).toBeUndefined();
  });

  it('is nothing in a field that may never be read, or an empty one', () => {
    document.body.innerHTML = '<textarea name="password">hunter2 hunter2</textarea><textarea id="empty"></textarea>';
    const secret = visible(document.querySelector('textarea')!);
    secret.focus();
    expect(draftInFocusedField(document, genericSite)).toBeNull();
    visible(document.querySelector<HTMLElement>('#empty')!).focus();
    expect(draftInFocusedField(document, genericSite)).toBeNull();
  });
});
