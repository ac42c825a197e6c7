import { useCallback, useEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { DraftKind, LengthChoice } from '@/lib/hyperalign/rewrite-choices';
import type { RewriteTry } from '@/lib/rewrite/tab-drafts';

export type { RewriteTry };

/** The port's schemas carry zod; they load beside the first render, not before it. */
const rewritePort = import('@/lib/rewrite/rewrite-port');

export interface RewriteChoices {
  kind: DraftKind;
  length: LengthChoice;
}

export interface RewriteTries {
  tries: RewriteTry[];
  /** Index of the try shown. */
  current: number;
  phase: 'idle' | 'streaming' | 'error';
  /** Why the last try failed, when `phase` is 'error'. */
  message?: string;
}

const NONE: RewriteTries = { tries: [], current: 0, phase: 'idle' };

function withLast(state: RewriteTries, change: (last: RewriteTry) => RewriteTry): RewriteTries {
  const last = state.tries.at(-1);
  return last ? { ...state, tries: [...state.tries.slice(0, -1), change(last)] } : state;
}

/**
 * Asks the background for rewrites of a draft and follows each stream. Each rewrite is a try; the
 * earlier ones are kept to step through. `stop` (or unmounting) cancels the one under way.
 */
export function useRewriteStream() {
  const [state, setState] = useState<RewriteTries>(NONE);
  const portRef = useRef<Browser.runtime.Port | null>(null);
  /** The try whose stream is wanted; null once stopped. */
  const wanted = useRef<string | null>(null);

  const stop = useCallback(() => {
    wanted.current = null;
    portRef.current?.disconnect();
    portRef.current = null;
    setState((current) => (current.phase === 'streaming' ? { ...current, phase: 'idle' } : current));
  }, []);

  const start = useCallback((draft: string, choices: RewriteChoices, profileId: string | null) => {
    portRef.current?.disconnect();
    portRef.current = null;
    const id = crypto.randomUUID();
    wanted.current = id;
    const fresh: RewriteTry = { id, draft, text: '', finished: false, fidelity: null, profileId, setId: null, guidedBy: [] };
    setState((current) => {
      const tries = [...current.tries.filter((item) => item.text !== ''), fresh].slice(-10);
      return { tries, current: tries.length - 1, phase: 'streaming' };
    });
    void rewritePort.then(({ REWRITE_PORT_NAME, rewriteEventSchema }) => {
      if (wanted.current !== id) return;
      const port = browser.runtime.connect({ name: REWRITE_PORT_NAME });
      portRef.current = port;
      const mine = (change: (state: RewriteTries) => RewriteTries) =>
        setState((current) => (current.tries.at(-1)?.id === id ? change(current) : current));
      port.onMessage.addListener((raw: unknown) => {
        const event = rewriteEventSchema.safeParse(raw);
        if (!event.success) return;
        const message = event.data;
        if (message.type === 'delta') mine((current) => withLast(current, (last) => ({ ...last, text: last.text + message.text })));
        if (message.type === 'done') {
          const { text, fidelity, setId, guidedBy } = message;
          mine((current) => ({ ...withLast(current, (last) => ({ ...last, text, fidelity, setId, guidedBy, profileId: message.profileId, finished: true })), phase: 'idle' }));
        }
        if (message.type === 'error') mine((current) => failed(current, message.message));
        if (message.type !== 'delta') {
          wanted.current = null;
          port.disconnect();
          portRef.current = null;
        }
      });
      port.onDisconnect.addListener(() => {
        if (portRef.current !== port) return;
        portRef.current = null;
        mine((current) => (current.phase === 'streaming' ? failed(current, 'The rewrite stopped unexpectedly. Try again.') : current));
      });
      port.postMessage({ type: 'start', draft, ...choices, ...(profileId ? { profileId } : {}) });
    });
  }, []);

  useEffect(() => () => portRef.current?.disconnect(), []);

  return {
    state,
    start,
    stop,
    /** Shows another try ("Previous", "Next"). */
    show: (index: number) => setState((current) => ({ ...current, current: Math.max(0, Math.min(index, current.tries.length - 1)) })),
    /** The person edits the shown try; its fact check no longer describes it. */
    setText: (text: string) =>
      setState((current) => ({ ...current, tries: current.tries.map((item, index) => (index === current.current ? { ...item, text, fidelity: null } : item)) })),
    /** Tries kept from an earlier opening of the popup. */
    restore: (tries: RewriteTry[], current: number) => {
      setState({ tries, current: Math.min(current, Math.max(0, tries.length - 1)), phase: 'idle' });
    },
  };
}

/** A failed try keeps what text arrived (the person may still use it); an empty one is dropped. */
function failed(state: RewriteTries, message: string): RewriteTries {
  const last = state.tries.at(-1);
  const tries = last && last.text === '' ? state.tries.slice(0, -1) : state.tries;
  return { tries, current: Math.max(0, tries.length - 1), phase: 'error', message };
}
