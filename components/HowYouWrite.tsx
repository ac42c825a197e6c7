import { Popover } from 'radix-ui';
import type { HypothesisSet } from '@/lib/hyperalign/schema';
import { HypothesisList } from './HypothesisList';

/** "How you write": what was learned for the voice, on demand. Loaded after the first screen (Radix). */
export default function HowYouWrite({ hypotheses }: { hypotheses: HypothesisSet['hypotheses'] }) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="quiet small">
          How you write
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="surface popover hypotheses-popover" side="bottom" align="end" collisionPadding={8}>
          <HypothesisList hypotheses={hypotheses} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
