import { describe, expect, it } from 'vitest';
import { addStyleSample, emptyStyleFingerprint, removeStyleSample, styleFingerprintOf, styleFingerprintSchema } from './index';

const samples = [
  "Hi all,\n\nI've pushed the fix for the build -- it was the locale again. Tests pass here on 8.0 and 7.3.\n\nCheers,\nDan",
  'Hello Mary,\n\nThanks for the notes. I agree with most of them, but I would keep the second chapter as it is: it sets up the argument.\n\nBest,\nDan',
  "ok so the server is back up!! sorry about that, disk filled up again :) will add monitoring tomorrow\n\nd",
];

describe('style fingerprint', () => {
  it('adding samples one by one equals building from all of them, in any order', () => {
    const incremental = samples.reduce(addStyleSample, emptyStyleFingerprint());
    expect(incremental).toEqual(styleFingerprintOf(samples));
    expect(styleFingerprintOf([...samples].reverse())).toEqual(styleFingerprintOf(samples));
  });

  it('removing a sample the user excluded restores the fingerprint without it', () => {
    const before = styleFingerprintOf(samples.slice(0, 2));
    const after = removeStyleSample(addStyleSample(before, samples[2]!), samples[2]!);
    expect(after).toEqual(before);
    expect(removeStyleSample(styleFingerprintOf(samples.slice(0, 1)), samples[0]!)).toEqual(emptyStyleFingerprint());
  });

  it('does not change the fingerprint it is given', () => {
    const before = styleFingerprintOf(samples.slice(0, 1));
    const copy = structuredClone(before);
    addStyleSample(before, samples[1]!);
    expect(before).toEqual(copy);
  });

  it('refuses to remove a sample that was never added', () => {
    expect(() => removeStyleSample(styleFingerprintOf(samples.slice(0, 1)), samples[1]!)).toThrow(/never added/);
    expect(() => removeStyleSample(emptyStyleFingerprint(), samples[0]!)).toThrow(/empty/);
  });

  it('is plain JSON that survives storage and validates against its schema', () => {
    const fp = styleFingerprintOf(samples);
    const stored: unknown = JSON.parse(JSON.stringify(fp));
    expect(styleFingerprintSchema.parse(stored)).toEqual(fp);
    expect(fp.samples).toBe(3);
    expect(fp.closings).toMatchObject({ dan: 2, d: 1 });
    expect(fp.greetings).toMatchObject({ 'hi all,': 1, 'hello mary,': 1 });
  });
});
