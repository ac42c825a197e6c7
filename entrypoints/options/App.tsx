import { AboutAndLicences } from '@/components/AboutAndLicences';
import { ActiveProfileDetails } from '@/components/ActiveProfileDetails';
import { AllowedSitesEditor } from '@/components/AllowedSitesEditor';
import { PauseCollectionSwitch, RedactBeforeStoringSwitch, ReviewBeforeSavingSwitch } from '@/components/CollectionSwitches';
import { ImportWritingPanel } from '@/components/ImportWritingPanel';
import { LlmSettingsForm } from '@/components/LlmSettingsForm';
import { ProfileManager } from '@/components/ProfileManager';
import { ProfileTransfer } from '@/components/ProfileTransfer';

export function App() {
  return (
    <main className="options">
      <h1>Idiolect settings</h1>
      <h2>Model</h2>
      <p>Idiolect talks only to the endpoint you choose here. Your profile never leaves this browser.</p>
      <LlmSettingsForm />
      <AllowedSitesEditor />
      <PauseCollectionSwitch />
      <ReviewBeforeSavingSwitch />
      <RedactBeforeStoringSwitch />
      <ProfileManager />
      <ActiveProfileDetails />
      <ImportWritingPanel />
      <ProfileTransfer />
      <AboutAndLicences />
    </main>
  );
}
