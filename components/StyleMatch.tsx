import { useMemo } from 'react';
import { scoreStyle, type StyleFingerprint } from '@/lib/style';

/** Below this many words the verifier can only tell "maybe" (see README, "Measuring it"). */
const ROUGH_BELOW_WORDS = 60;

/** "Sounds like you" for one text: the local, deterministic style score, 0 to 100. */
export function StyleMatch({ label, text, fingerprint }: { label: string; text: string; fingerprint: StyleFingerprint | undefined }) {
  const result = useMemo(() => (fingerprint && text.trim() ? scoreStyle(text, fingerprint) : null), [fingerprint, text]);
  if (!result) return null;
  const shown = result.score === null ? explain(result.reason) : `${result.score}/100`;
  const rough = result.score !== null && text.trim().split(/\s+/).length < ROUGH_BELOW_WORDS;
  return (
    <p className="style-match" aria-label={`${label} sounds like you: ${shown}`}>
      Sounds like you: <strong>{shown}</strong>
      {rough && <span className="hint"> (a rough guess for a text this short)</span>}
    </p>
  );
}

function explain(reason: string): string {
  if (reason === 'too-short') return 'too short to tell';
  if (reason === 'empty-profile') return 'no samples yet';
  return 'updating';
}
