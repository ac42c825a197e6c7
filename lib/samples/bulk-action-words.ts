/** What the toast says after a change to samples from the samples table, and after its Undo. */
export type SampleAction = 'keep-out' | 'use' | 'delete' | 'move';

function count(n: number): string {
  return `${n.toLocaleString('en-US')} sample${n === 1 ? '' : 's'}`;
}

export function describeSampleAction(action: SampleAction, changed: number, toProfileName = ''): string {
  if (changed === 0) return action === 'move' ? `Nothing moved: ${toProfileName} already has these texts.` : 'Nothing to change: the samples were already so.';
  switch (action) {
    case 'keep-out':
      return `Kept ${count(changed)} out of learning.`;
    case 'use':
      return `${count(changed)} used for learning again.`;
    case 'delete':
      return `Deleted ${count(changed)}.`;
    case 'move':
      return `Moved ${count(changed)} to ${toProfileName}.`;
  }
}

export function describeSampleUndo(action: SampleAction, changed: number): string {
  switch (action) {
    case 'keep-out':
      return `${count(changed)} used for learning again.`;
    case 'use':
      return `Kept ${count(changed)} out of learning again.`;
    case 'delete':
      return `Restored ${count(changed)}.`;
    case 'move':
      return `Moved ${count(changed)} back.`;
  }
}
