// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AboutAndLicences } from './AboutAndLicences';

afterEach(cleanup);

describe('AboutAndLicences', () => {
  it('names every source of the reference writers with its licence, under its visible heading', () => {
    render(<AboutAndLicences />);
    const section = screen.getByRole('region', { name: 'About and licences' });
    const text = section.textContent ?? '';
    for (const expected of ['Stack Exchange', 'CC BY-SA', 'Carpentries', 'CC BY 4.0', 'DuraSpace', 'Congressional Record', 'SpamAssassin', 'Public domain']) {
      expect(text).toContain(expected);
    }
  });

  it('lists one attribution per writer for the sources whose licences ask for it', () => {
    render(<AboutAndLicences />);
    const section = screen.getByRole('region', { name: 'About and licences' });
    const blog = within(section).getByText('blog posts').closest('li')!;
    expect(within(blog).getAllByRole('listitem').length).toBeGreaterThan(5);
    expect(blog.textContent).toMatch(/The Carpentries blog \(\d{4}-\d{2}-\d{2}\)/);
  });
});
