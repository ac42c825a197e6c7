import { useMemo } from 'react';
import { scoreStyle, type StyleFingerprint } from '@/lib/style';

/** "Sounds like you" for one text: the local, deterministic style score, 0 to 100. */
export function StyleMatch({ label, text, fingerprint }: { label: string; text: string; fingerprint: StyleFingerprint | undefined }) {
  const result = useMemo(() => (fingerprint && text.trim() ? scoreStyle(text, fingerprint) : null), [fingerprint, text]);
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
