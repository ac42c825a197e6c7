import { z } from 'zod';

/**
 * The options page's sections, each at its own URL fragment so the popup and error messages can
 * send the person straight to the fix ("options.html#model").
 */
export const OPTIONS_SECTIONS = [
  { id: 'get-started', title: 'Get started' },
  { id: 'profile', title: 'Profile' },
  { id: 'samples', title: 'Samples' },
  { id: 'sites', title: 'Sites' },
  { id: 'model', title: 'Model' },
  { id: 'your-data', title: 'Your data' },
  { id: 'about', title: 'About' },
] as const;

export type OptionsSectionId = (typeof OPTIONS_SECTIONS)[number]['id'];

export const optionsSectionIdSchema = z.enum(OPTIONS_SECTIONS.map(({ id }) => id) as [OptionsSectionId, ...OptionsSectionId[]]);

const SECTION_IDS: ReadonlySet<string> = new Set(OPTIONS_SECTIONS.map(({ id }) => id));

/** The section a fragment names ("#model", "model", "#samples?q=…"), or null for none we know. */
export function sectionOfFragment(fragment: string): OptionsSectionId | null {
  const id = fragment.replace(/^#/, '').split(/[?&/]/, 1)[0]!;
  return SECTION_IDS.has(id) ? (id as OptionsSectionId) : null;
}

/** The extension-relative address of one section of the options page. */
export function optionsPath(section: OptionsSectionId): string {
  return `/options.html#${section}`;
}

/** The sample a fragment asks the samples table to open ("#samples?sample=<id>"), or null. */
export function sampleOfFragment(fragment: string): string | null {
  const [section, query = ''] = fragment.replace(/^#/, '').split('?', 2);
  if (section !== 'samples') return null;
  return new URLSearchParams(query).get('sample') || null;
}

/** The extension-relative address that opens one sample in the samples table. */
export function samplePath(sampleId: string): string {
  return `${optionsPath('samples')}?${new URLSearchParams({ sample: sampleId })}`;
}

export function sectionTitle(section: OptionsSectionId): string {
  return OPTIONS_SECTIONS.find(({ id }) => id === section)!.title;
}
