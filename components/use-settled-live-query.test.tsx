// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdiolectDatabase } from '@/lib/db/database';
import { useSettledLiveQuery } from './use-settled-live-query';

afterEach(cleanup);

describe('a live query of a small answer', () => {
  it('gives a new answer when it changes, and re-renders nothing when it comes back the same', async () => {
    const db = new IdiolectDatabase(`settled-${crypto.randomUUID()}`);
    await db.profiles.add({ id: 'p1', name: 'Work', createdAt: '2026-01-01T00:00:00.000Z' });
    let renders = 0;
    let answered = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useSettledLiveQuery(async () => {
        const profiles = await db.profiles.count();
        answered += 1;
        return { profiles };
      });
    });
    await waitFor(() => expect(result.current).toEqual({ profiles: 1 }));

    await db.profiles.add({ id: 'p2', name: 'Blog', createdAt: '2026-01-02T00:00:00.000Z' });
    await waitFor(() => expect(result.current).toEqual({ profiles: 2 }));
    const shown = result.current;
    const [rendersBefore, answeredBefore] = [renders, answered];

    // The query wakes on this change, and answers the same.
    await db.profiles.update('p2', { name: 'Blog posts' });
    await waitFor(() => expect(answered).toBeGreaterThan(answeredBefore));
    expect(renders).toBe(rendersBefore);
    expect(result.current).toBe(shown);
  });
});
