import { AllowedSitesEditor } from '../AllowedSitesEditor';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { PauseCollectionSwitch, RedactBeforeStoringSwitch, ReviewBeforeSavingSwitch, SentTextNoticesSwitch } from '../CollectionSwitches';

/** Where Idiolect may read what the person sends, and how. */
export function SitesSection() {
  return (
    <div className="stack">
      <section className="surface">
        <AllowedSitesEditor />
      </section>
      <section className="surface stack tight" aria-label="How texts are collected">
        <PauseCollectionSwitch />
        <ReviewBeforeSavingSwitch />
        <RedactBeforeStoringSwitch />
        <SentTextNoticesSwitch />
      </section>
      <div className="surface">
        <KeyboardShortcuts />
      </div>
    </div>
  );
}
