import { describe, expect, it } from 'vitest';
import { OPTIONS_SECTIONS, optionsPath, sampleOfFragment, samplePath, sectionOfFragment } from './sections';

describe('options sections', () => {
  it('reads the section from a fragment, with or without its hash and extra state', () => {
    expect(sectionOfFragment('#model')).toBe('model');
    expect(sectionOfFragment('your-data')).toBe('your-data');
    expect(sectionOfFragment('#samples?q=thanks')).toBe('samples');
  });

  it('knows no section for an empty or unknown fragment', () => {
    expect(sectionOfFragment('')).toBeNull();
    expect(sectionOfFragment('#settings')).toBeNull();
  });

  it('links to every section by its fragment', () => {
    for (const { id } of OPTIONS_SECTIONS) expect(sectionOfFragment(optionsPath(id).split('#')[1]!)).toBe(id);
  });
});

describe('a link to one sample', () => {
  it('names the sample the samples table should open, and nothing for other sections', () => {
    expect(sampleOfFragment(samplePath('sample 1/x').split('#')[1]!)).toBe('sample 1/x');
    expect(sampleOfFragment('#samples?sample=abc')).toBe('abc');
    expect(sampleOfFragment('#samples')).toBeNull();
    expect(sampleOfFragment('#profile?sample=abc')).toBeNull();
    expect(sectionOfFragment('#samples?sample=abc')).toBe('samples');
  });
});
