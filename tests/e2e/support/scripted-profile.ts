import type { ChatRequest, Reply } from '../../support/fake-openai';

export const SCRIPTED_HYPOTHESES = [
  'Opens with a one-word greeting and the recipient’s first name.',
  'Keeps sentences short and signs off with a dash and an initial.',
  'Asks a direct question before closing.',
];

/** A well-formed profile whose evidence quotes the first words of the samples it was shown. */
export function profileReplyFor(request: ChatRequest): Reply {
  const samples = [...request.chat.userContent.matchAll(/<sample id="([^"]+)"[^>]*>\n([^\n]*)/g)];
  const evidence = samples.slice(0, 2).map(([, sampleId = '', firstLine = '']) => ({
    sampleId,
    quote: firstLine.split(' ').slice(0, 3).join(' '),
  }));
  return {
    json: {
      hypotheses: SCRIPTED_HYPOTHESES.map((statement, index) => ({
        category: index === 2 ? 'communication' : 'style',
        statement,
        evidence,
        confidence: 0.8,
      })),
      attributes: { role: 'Team lead', domain: 'software', audiences: ['colleagues'], facts: [] },
    },
  };
}
