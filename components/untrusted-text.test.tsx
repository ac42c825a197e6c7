// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdiolectDatabase } from '@/lib/db/database';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { addSample } from '@/lib/db/sample-writes';
import { keepClosedShadowRoots } from '@/lib/harvest/closed-shadow.test-support';
import { askToKeepSample } from '@/lib/harvest/review-prompt';
import type { Hypothesis } from '@/lib/hyperalign/schema';
import { HypothesisList } from './HypothesisList';
import { ProfileSummary } from './ProfileSummary';
import { SampleBrowser } from './samples/SampleBrowser';

/*
 * Samples are other pages' text and hypotheses and errors are model or server output: markup in
 * them is shown as the characters it is, never parsed. A parsed payload would leave an element
 * behind (and, for the onerror one, set a global).
 */
const PAYLOAD = '<img src="x" onerror="globalThis.__pwned = true"><script>globalThis.__pwned = true</script><b>bold</b>';
const MARKUP = 'img, script, b, iframe';

afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).__pwned;
});

function expectShownAsText(root: HTMLElement | ShadowRoot): void {
  expect(root.querySelector(MARKUP)).toBeNull();
  expect(root.textContent).toContain(PAYLOAD);
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
}

describe('markup in what Idiolect shows is text', () => {
  it('in a stored sample, in the sample browser', async () => {
    const db = openIdiolectDatabase();
    const profile = await ensureActiveProfile(db);
    const text = `Hi all, pasting the snippet that broke the page yesterday: ${PAYLOAD} Let me know if it renders for you. J`;
    await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    // jsdom lays nothing out; the table's scroller gets the size a screen would give it.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
    render(<SampleBrowser profileId={profile.id} />);
    const table = await screen.findByRole('table', { name: 'Samples' });
    await userEvent.click(within(table).getByRole('button', { name: /^Hi all, pasting the snippet/ }));
    const sample = await screen.findByRole('dialog');
    await within(sample).findAllByText((content) => content.includes(PAYLOAD));
    expectShownAsText(sample);
    expect(table.querySelector(MARKUP)).toBeNull();
  });

  it('in a hypothesis the model wrote, in the profile', () => {
    const hypothesis: Hypothesis = { id: 'h1', category: 'style', statement: `Pastes raw HTML such as ${PAYLOAD}`, evidence: [], confidence: 0.5, status: 'inferred' };
    render(<HypothesisList hypotheses={[hypothesis]} />);
    expectShownAsText(screen.getByRole('list', { name: 'How you write' }));
  });

  it('in a server’s error quoted as the reason learning failed, in the popup', () => {
    const now = new Date().toISOString();
    render(
      <ProfileSummary
        view={{
          profile: { id: 'p1', name: 'My voice', createdAt: now },
          sampleCount: 5,
          keptOutCount: 0,
          newSinceLearned: 1,
          hypothesisSet: null,
          lastJob: { id: 'j1', kind: 'infer', profileId: 'p1', state: 'failed', attempts: 1, createdAt: now, updatedAt: now, error: `The endpoint rejected the request (400): ${PAYLOAD}.`, resultSetId: null },
        }}
      />,
    );
    expectShownAsText(screen.getByRole('alert'));
  });

  it('in the page’s Keep or Discard card, which shows the sent text', async () => {
    const shadows = keepClosedShadowRoots();
    const answered = askToKeepSample(document, `Sent from a page that tried this: ${PAYLOAD}`.slice(0, 140));
    await vi.waitFor(() => expect(document.querySelector('idiolect-review')).not.toBeNull());
    const card = shadows.rootOf(document.querySelector('idiolect-review'))!;
    expect(card.querySelector(MARKUP)).toBeNull();
    expect(card.textContent).toContain('<img src="x" onerror=');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    [...card.querySelectorAll('button')].find((button) => button.textContent === 'Discard')!.click();
    await expect(answered).resolves.toBe(false);
  });
});
