// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdiolectDatabase } from '@/lib/db/database';
import { useSettledLiveQuery } from './use-settled-live-query';

afterEach(cleanup);

describe('a live query of a small answer', () => {
  it('keeps the same answer while it does not change, and gives the new one when it does', async () => {
    const db = new IdiolectDatabase(`settled-${crypto.randomUUID()}`);
    await db.profiles.add({ id: 'p1', name: 'Work', createdAt: '2026-01-01T00:00:00.000Z' });
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useSettledLiveQuery(async () => ({ profiles: await db.profiles.count() }));
    });
    await waitFor(() => expect(result.current).toEqual({ profiles: 1 }));
    const first = result.current;

    await db.profiles.add({ id: 'p2', name: 'Blog', createdAt: '2026-01-02T00:00:00.000Z' });
    await waitFor(() => expect(result.current).toEqual({ profiles: 2 }));
    expect(result.current).not.toBe(first);
    const second = result.current;
    const rendersBefore = renders;
    await db.profiles.update('p2', { name: 'Blog posts' });
    // The query ran again and its answer reached the hook (which re-rendered): still the same object.
    await waitFor(() => expect(renders).toBeGreaterThan(rendersBefore));
    expect(result.current).toBe(second);
  });
});
