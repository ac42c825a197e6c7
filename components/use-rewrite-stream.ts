import { useCallback, useEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { DraftKind, LengthChoice } from '@/lib/hyperalign/rewrite-choices';
import type { FidelityReport } from '@/lib/rewrite/fidelity';
import { REWRITE_PORT_NAME, rewriteEventSchema } from '@/lib/rewrite/rewrite-port';

export type RewriteState =
  | { phase: 'idle'; text: string }
  | { phase: 'streaming'; text: string }
  /** `fidelity` is absent when the person stopped the rewrite before it finished. */
  | { phase: 'done'; text: string; fidelity?: FidelityReport }
  | { phase: 'error'; text: string; message: string };

export interface RewriteChoices {
  kind: DraftKind;
  length: LengthChoice;
}

/** Asks the background for a rewrite and follows its stream; `stop` (or unmounting) cancels it. */
export function useRewriteStream() {
  const [state, setState] = useState<RewriteState>({ phase: 'idle', text: '' });
  const portRef = useRef<Browser.runtime.Port | null>(null);
  const lastRequest = useRef<{ draft: string; choices: RewriteChoices } | null>(null);

  const stop = useCallback(() => {
    portRef.current?.disconnect();
    portRef.current = null;
    setState((current) => (current.phase === 'streaming' ? { phase: 'done', text: current.text } : current));
  }, []);

  const start = useCallback((draft: string, choices: RewriteChoices = { kind: 'email', length: 'same' }) => {
    lastRequest.current = { draft, choices };
    portRef.current?.disconnect();
    const port = browser.runtime.connect({ name: REWRITE_PORT_NAME });
    portRef.current = port;
    setState({ phase: 'streaming', text: '' });
    port.onMessage.addListener((raw: unknown) => {
      const event = rewriteEventSchema.safeParse(raw);
      if (!event.success) return;
      const message = event.data;
      if (message.type === 'delta') setState((current) => ({ phase: 'streaming', text: current.text + message.text }));
      if (message.type === 'done') setState({ phase: 'done', text: message.text, fidelity: message.fidelity });
      if (message.type === 'error') setState((current) => ({ phase: 'error', text: current.text, message: message.message }));
      if (message.type !== 'delta') {
        port.disconnect();
        portRef.current = null;
      }
    });
    port.onDisconnect.addListener(() => {
      if (portRef.current !== port) return;
      portRef.current = null;
      setState((current) =>
        current.phase === 'streaming'
          ? { phase: 'error', text: current.text, message: 'The rewrite stopped unexpectedly. Try again.' }
          : current,
      );
    });
    port.postMessage({ type: 'start', draft, ...choices });
  }, []);

  useEffect(() => () => portRef.current?.disconnect(), []);

  /** The same draft with the same choices, after a rewrite that failed or was cut off. */
  const retry = useCallback(() => {
    if (lastRequest.current) start(lastRequest.current.draft, lastRequest.current.choices);
  }, [start]);

  // Once the person edits the result, the fact check no longer describes it.
  return {
    state,
    start,
    retry,
    stop,
    setText: (text: string) => setState((current) => (current.phase === 'done' ? { phase: 'done', text } : { ...current, text })),
  };
}
