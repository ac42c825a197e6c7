import { useId } from 'react';
import { referenceCredits } from '@/lib/style/credits';

/** Credits the texts behind the "sounds like you" score, as their licences ask. */
export function AboutAndLicences() {
  const headingId = useId();
  const { license, sources } = referenceCredits();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>About and licences</h3>
      <p>
        The “sounds like you” score compares your text with statistics of other people's writing, kept inside the extension. They are counted from these
        sources; the statistics as a whole are shared under {license}.
      </p>
      <ul>
        {sources.map((source) => (
          <li key={source.id}>
            <strong>{source.genre}</strong>: {source.description}. Licence: {source.license}.
            {source.attributions.length > 0 && (
              <details>
                <summary>
                  {source.attributions.length} writers, one of their texts each
                </summary>
                <ul>
                  {source.attributions.map((attribution) => (
                    <li key={attribution}>{attribution}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
