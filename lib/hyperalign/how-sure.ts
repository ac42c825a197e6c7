import type { Support } from './schema';

/** The model's confidence as words a person reads, then the number: "fairly sure · 0.72". */
export function confidenceInWords(confidence: number): string {
  const words = confidence >= 0.85 ? 'very sure' : confidence >= 0.6 ? 'fairly sure' : confidence >= 0.4 ? 'unsure' : 'a guess';
  return `${words} · ${confidence.toFixed(2)}`;
}

/** How a hypothesis fared on texts it was not learned from; absent support means it was never checked. */
export function heldOutInWords(support: Support | undefined): string {
  if (!support) return 'Held-out texts: not checked yet';
  const { checked, supported, contradicted } = support;
  if (checked === 0) return 'Held-out texts: none to check against yet';
  return `Held-out texts: ${checked} checked, ${supported} supported, ${contradicted} contradicted`;
}
