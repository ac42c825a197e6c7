import type { Hypothesis, HypothesisCategory } from '@/lib/hyperalign/schema';

export const CATEGORY_LABEL: Record<HypothesisCategory, string> = {
  style: 'Writing style',
  personality: 'Personality',
  communication: 'Communication strategies',
};

/** The order categories are shown in, everywhere. */
export const CATEGORY_ORDER: readonly HypothesisCategory[] = ['style', 'personality', 'communication'];

export function HypothesisList({ hypotheses }: { hypotheses: Hypothesis[] }) {
  const shown = hypotheses.filter((hypothesis) => hypothesis.status !== 'rejected');
  return (
    <ul aria-label="How you write" className="hypotheses">
      {shown.map((hypothesis) => (
        <li key={hypothesis.id}>
          <span className="category">{CATEGORY_LABEL[hypothesis.category]}</span> {hypothesis.statement}
        </li>
      ))}
    </ul>
  );
}
