import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import type { ShownStyleScore } from '@/lib/style/shown-score';

/** Typing pauses this long before a draft is scored again. */
const SCORE_AFTER_MS = 200;

/**
 * "Sounds like you" for one text: the local, deterministic style score, 0 to 100. The background
 * computes it (it holds the style verifier and its reference data), so the page stays light.
 */
export function StyleMatch({
  label,
  text,
  profileId,
  onShown,
}: {
  label: string;
  text: string;
  profileId: string | null;
  /** Told what is shown once this text is scored ("82/100"), or null when it could not be. */
  onShown?: (shown: string | null) => void;
}) {
  const scored = useStyleScore(text, profileId);
  const result = scored === 'failed' ? null : scored;
  const shown = result ? (result.score === null ? explain(result.reason) : `${result.score}/100`) : null;
  useEffect(() => {
    if (scored !== null) onShown?.(shown);
  }, [scored, shown, onShown]);
  if (!result) return null;
  // The verifier says when one text, or a young profile, gives too little evidence (see README, "Measuring it").
  const rough = result.score === null ? null : result.roughGuess;
  return (
    <p className="style-match" aria-label={`${label} sounds like you: ${shown}`}>
      Sounds like you: <strong>{shown}</strong>
      {rough && <span className="hint"> (a rough guess {rough === 'short-text' ? 'for a text this short' : 'from so few samples'})</span>}
    </p>
  );
}

function explain(reason: string): string {
  if (reason === 'too-short') return 'too short to tell';
  if (reason === 'empty-profile') return 'no samples yet';
  return 'updating';
}

/** The score of exactly this text; nothing while it is being scored, 'failed' when the background could not. */
function useStyleScore(text: string, profileId: string | null): ShownStyleScore | 'failed' | null {
  const [scored, setScored] = useState<{ text: string; profileId: string; score: ShownStyleScore | 'failed' } | null>(null);
  useEffect(() => {
    if (!profileId || !text.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      sendMessage('scoreStyle', { profileId, text }).then(
        (score) => current && setScored({ text, profileId, score }),
        () => current && setScored({ text, profileId, score: 'failed' }),
      );
    }, SCORE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [profileId, text]);
  return scored && scored.text === text && scored.profileId === profileId && text.trim() ? scored.score : null;
}
