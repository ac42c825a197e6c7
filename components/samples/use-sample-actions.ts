import { useCallback } from 'react';
import type { Profile } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging';
import { describeSampleAction, describeSampleUndo, type SampleAction } from '@/lib/samples/bulk-action-words';
import { useToast } from '../design/Toasts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The samples table's four changes, each sent to the background as one bulk command, each
 * followed by a toast that says what it did and offers to undo exactly that.
 */
export function useSampleActions(profileId: string, refresh: (ids: readonly string[]) => void) {
  const toast = useToast();

  const run = useCallback(
    async (action: SampleAction, change: () => Promise<{ count: number; undo: () => Promise<number> }>, toProfileName?: string) => {
      try {
        const { count, undo } = await change();
        toast({
          message: describeSampleAction(action, count, toProfileName),
          ...(count > 0 && {
            undo: () =>
              undo().then(
                (undone) => toast({ message: describeSampleUndo(action, undone) }),
                (error: unknown) => toast({ message: `Could not undo: ${messageOf(error)}` }),
              ),
          }),
        });
      } catch (error) {
        toast({ message: `Nothing changed: ${messageOf(error)}` });
      }
    },
    [toast],
  );

  const setExcluded = useCallback(
    async (sampleIds: readonly string[], excluded: boolean) => {
      const { changedIds } = await sendMessage('setSamplesExcluded', { sampleIds: [...sampleIds], excluded });
      refresh(changedIds);
      return changedIds;
    },
    [refresh],
  );

  return {
    keepOut: (sampleIds: readonly string[]) =>
      run('keep-out', async () => {
        const changed = await setExcluded(sampleIds, true);
        return { count: changed.length, undo: async () => (await setExcluded(changed, false)).length };
      }),
    use: (sampleIds: readonly string[]) =>
      run('use', async () => {
        const changed = await setExcluded(sampleIds, false);
        return { count: changed.length, undo: async () => (await setExcluded(changed, true)).length };
      }),
    remove: (sampleIds: readonly string[]) =>
      run('delete', async () => {
        const deleted = await sendMessage('deleteSamples', [...sampleIds]);
        return { count: deleted.length, undo: async () => (await sendMessage('restoreSamples', deleted)).changedIds.length };
      }),
    move: (sampleIds: readonly string[], to: Profile) =>
      run(
        'move',
        async () => {
          const { changedIds } = await sendMessage('moveSamples', { sampleIds: [...sampleIds], profileId: to.id });
          return { count: changedIds.length, undo: async () => (await sendMessage('moveSamples', { sampleIds: changedIds, profileId })).changedIds.length };
        },
        to.name,
      ),
  };
}
export type SampleActions = ReturnType<typeof useSampleActions>;
