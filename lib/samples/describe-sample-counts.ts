/** How many samples a profile has, worded the same in the popup and the options page: "4 samples (1 kept out)". */
export function describeSampleCounts(total: number, keptOut: number): string {
  const samples = `${total.toLocaleString('en-US')} sample${total === 1 ? '' : 's'}`;
  return keptOut > 0 ? `${samples} (${keptOut.toLocaleString('en-US')} kept out)` : samples;
}
