import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('storage sizes in words', () => {
  it('reads as bytes, then the largest unit with one decimal below ten', () => {
    expect(formatBytes(820)).toBe('820 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1.4 * 1024 * 1024)).toBe('1.4 MB');
    expect(formatBytes(12.3 * 1024 ** 3)).toBe('12 GB');
  });
});
