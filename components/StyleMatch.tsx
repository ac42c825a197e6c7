import { useEffect, useState } from 'react';
import type { StyleFingerprint, StyleScore } from '@/lib/style';

/** "Sounds like you" for one text: the local, deterministic style score, 0 to 100. */
export function StyleMatch({ label, text, fingerprint }: { label: string; text: string; fingerprint: StyleFingerprint | undefined }) {
  const result = useStyleScore(text, fingerprint);
  if (!result) return null;
  const shown = result.score === null ? explain(result.reason) : `${result.score}/100`;
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

/** The score, computed once the style code has loaded (it is not part of the popup's first render). */
function useStyleScore(text: string, fingerprint: StyleFingerprint | undefined): StyleScore | null {
  const [scored, setScored] = useState<{ text: string; fingerprint: StyleFingerprint; score: StyleScore } | null>(null);
  useEffect(() => {
    if (!fingerprint || !text.trim()) return;
    let current = true;
    void import('@/lib/style').then(({ scoreStyle }) => {
      if (current) setScored({ text, fingerprint, score: scoreStyle(text, fingerprint) });
    });
    return () => {
      current = false;
    };
  }, [fingerprint, text]);
  return scored && scored.text === text && scored.fingerprint === fingerprint && text.trim() ? scored.score : null;
}
