// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { keepClosedShadowRoots } from '../harvest/closed-shadow.test-support';
import type { RewriteEvent } from '../rewrite/rewrite-port';
import { openRewriteCard } from './rewrite-card';

const PAYLOAD = '<img src="x" onerror="globalThis.__pwned = true"><b>bold</b>';
const requests = vi.hoisted(() => [] as unknown[]);
vi.mock('./rewrite-stream', () => ({
  streamRewrite: (request: unknown, onEvent: (event: RewriteEvent) => void) => {
    requests.push(request);
    onEvent({ type: 'delta', text: `Sure thing ${PAYLOAD}` });
    onEvent({ type: 'done', text: `Sure thing ${PAYLOAD}`, fidelity: { missing: [], added: [] }, profileId: 'p1', setId: 'set-1', guidedBy: [] });
    return () => {};
  },
}));

describe('the in-page rewrite card', () => {
  it('asks for a rewrite of the selection only, and shows what the model wrote as text, never markup', () => {
    const shadows = keepClosedShadowRoots();
    document.body.innerHTML = '<textarea>Hi Sam, see you at noon. Thanks</textarea>';
    const area = document.querySelector('textarea')!;
    area.getClientRects = () => [{ width: 100, height: 20 }] as unknown as DOMRectList;
    area.focus();
    area.setSelectionRange(8, 24);

    openRewriteCard(document);

    expect(requests).toEqual([{ draft: 'see you at noon.', kind: 'other' }]);
    const card = shadows.rootOf(document.querySelector('idiolect-rewrite'))!;
    expect(card.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('Idiolect: rewrite in your voice');
    expect(card.querySelector('img, b')).toBeNull();
    expect(card.querySelector('[aria-label="Rewrite"]')?.textContent).toBe(`Sure thing ${PAYLOAD}`);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(card.activeElement).toBe(card.querySelector('[role="dialog"]'));
  });
});
