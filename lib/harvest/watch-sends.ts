import type { TextKind } from '../db/records';
import { editableRootOf, isReadableUserField } from './field-privacy';
import type { SiteAdapter } from './site-adapter';

export interface SentText {
  field: HTMLElement;
  text: string;
  kind: TextKind;
  recipientDomain: string | null;
}

const CONTROL_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"]';
/** Fields typed in recently enough to matter; older ones are forgotten. */
const MAX_TYPED_FIELDS = 20;

export interface WatchOptions {
  /**
   * Whether an event came from the person rather than the page's script. Only such typing marks
   * a field as theirs, and only such clicks and keys send it, so a page cannot plant "writing".
   * Tests in jsdom, whose dispatched events are never trusted, replace it.
   */
  isTrusted?: (event: Event) => boolean;
  /** Checked before anything is read: false while collection is paused or the site is no longer allowed. */
  mayRead?: () => boolean;
  /** Called instead of `onSend` when the person sends while reading is not allowed; nothing was read. */
  onSendUnread?: () => void;
}

/**
 * Calls `onSend` when the user sends what they wrote: a send control (clicked, or pressed with
 * Enter/Space), a form submit, or Ctrl/Cmd+Enter. Nothing is read before that moment, and only
 * from a field the user typed in. Returns a function that stops watching.
 */
export function watchForSends(
  doc: Document,
  site: SiteAdapter,
  onSend: (sent: SentText) => void,
  { isTrusted = (event) => event.isTrusted, mayRead = () => true, onSendUnread }: WatchOptions = {},
): () => void {
  /** Editables the user typed in, most recent last. */
  const typed: HTMLElement[] = [];
  const lastSentText = new WeakMap<HTMLElement, string>();
  let pressedControl: Element | null = null;

  function send(editable: HTMLElement | null): void {
    if (!editable || !editable.isConnected || !typed.includes(editable) || !isReadableUserField(editable)) return;
    const field = site.userField(editable);
    if (!field || !(field === editable || field.contains(editable))) return;
    if (!mayRead()) return onSendUnread?.();
    const text = site.readText(field).trim();
    if (text === '' || lastSentText.get(field) === text) return;
    lastSentText.set(field, text);
    onSend({ field, text, kind: site.kindOf(field), recipientDomain: site.recipientDomain(field) });
  }

  /** Fields typed in that may be read and are the user's on this site, most recent last. */
  function sendable(): HTMLElement[] {
    return typed.filter((field) => field.isConnected && isReadableUserField(field) && site.userField(field));
  }

  /** The field a send control sends: in its form if it has one, else in its nearest surroundings. */
  function fieldSentBy(control: Element): HTMLElement | null {
    const live = sendable();
    const form = control.closest('form');
    if (form) return live.findLast((field) => form.contains(field)) ?? null;
    for (let scope = control.parentElement; scope; scope = scope.parentElement) {
      const inScope = live.findLast((field) => scope.contains(field));
      if (inScope) return inScope;
    }
    return null;
  }

  function sendControlAt(target: EventTarget | null): Element | null {
    const control = target instanceof Element ? target.closest(CONTROL_SELECTOR) : null;
    return control && site.isSendControl(control) ? control : null;
  }

  const onInput = (event: Event) => {
    const editable = editableRootOf(targetOf(event));
    if (!editable) return;
    const known = typed.indexOf(editable);
    if (known >= 0) typed.splice(known, 1);
    typed.push(editable);
    if (typed.length > MAX_TYPED_FIELDS) typed.shift();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send(editableRootOf(targetOf(event)));
    else if (event.key === 'Enter' || event.key === ' ') {
      const control = sendControlAt(targetOf(event));
      if (control) send(fieldSentBy(control));
    }
  };
  // Some sites (Gmail) act on mouseup and remove the compose window before `click` arrives.
  const onPointerDown = (event: Event) => {
    pressedControl = sendControlAt(targetOf(event));
  };
  const onPointerUp = (event: Event) => {
    const control = sendControlAt(targetOf(event));
    if (control && control === pressedControl) send(fieldSentBy(control));
    pressedControl = null;
  };
  const onClick = (event: Event) => {
    const control = sendControlAt(targetOf(event));
    if (control) send(fieldSentBy(control));
  };
  const onSubmit = (event: Event) => {
    const form = targetOf(event);
    if (form instanceof Element && form.tagName === 'FORM') {
      send(sendable().findLast((field) => form.contains(field)) ?? null);
    }
  };

  const listeners: [string, (event: never) => void][] = [
    ['input', onInput],
    ['keydown', onKeyDown],
    ['pointerdown', onPointerDown],
    ['pointerup', onPointerUp],
    ['click', onClick],
    ['submit', onSubmit],
  ];
  const trusted = listeners.map(([type, listener]): [string, EventListener] => [
    type,
    (event) => {
      if (isTrusted(event)) (listener as EventListener)(event);
    },
  ]);
  for (const [type, listener] of trusted) doc.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of trusted) doc.removeEventListener(type, listener, true);
  };
}

/** The element an event really started on, also inside open shadow roots (Reddit's composer). */
function targetOf(event: Event): EventTarget | null {
  return event.composedPath()[0] ?? event.target;
}
