import { pairLabel, winRateText } from './format';
import type { EvaluationResults } from './results-schema';

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 48, right: 24, bottom: 64, left: 56 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Overall win-rate of each pair as a bar, ± one standard error as a whisker, 50 % as a dashed line. */
export function renderWinRateChart(results: EvaluationResults): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (share: number) => MARGIN.top + plotHeight * (1 - Math.min(1, Math.max(0, share)));
  const pairs = results.overall.winRates;
  const slot = plotWidth / Math.max(pairs.length, 1);
  const barWidth = slot * 0.5;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">Win-rate (pairwise LLM judge, both orders), ${results.overall.prompts} prompts, ${results.overall.authors} authors</text>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 0.5 ? '#555' : '#ddd'}"${tick === 0.5 ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${MARGIN.left - 8}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}%</text>`,
    );
  }
  pairs.forEach((pair, index) => {
    const centre = MARGIN.left + slot * (index + 0.5);
    const label = escapeXml(pairLabel(pair));
    parts.push(`<text x="${centre}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle">${label}</text>`);
    if (pair.winRate.mean === null) return;
    const top = y(pair.winRate.mean);
    parts.push(
      `<rect x="${centre - barWidth / 2}" y="${top}" width="${barWidth}" height="${y(0) - top}" fill="${pair.x === 'hyperalign' ? '#3b6fd8' : '#8a94a6'}"><title>${label}: ${escapeXml(winRateText(pair.winRate))}</title></rect>`,
      `<text x="${centre}" y="${HEIGHT - MARGIN.bottom + 38}" text-anchor="middle" fill="#333">${escapeXml(winRateText(pair.winRate))}</text>`,
    );
    const se = pair.winRate.standardError;
    if (se !== null && se > 0) {
      const low = y(pair.winRate.mean - se);
      const high = y(pair.winRate.mean + se);
      parts.push(
        `<line x1="${centre}" x2="${centre}" y1="${high}" y2="${low}" stroke="#111" stroke-width="1.5"/>`,
        `<line x1="${centre - 8}" x2="${centre + 8}" y1="${high}" y2="${high}" stroke="#111" stroke-width="1.5"/>`,
        `<line x1="${centre - 8}" x2="${centre + 8}" y1="${low}" y2="${low}" stroke="#111" stroke-width="1.5"/>`,
      );
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
