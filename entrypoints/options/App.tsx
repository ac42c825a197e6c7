import { AllowedSitesEditor } from '@/components/AllowedSitesEditor';
import { PauseCollectionSwitch, ReviewBeforeSavingSwitch } from '@/components/CollectionSwitches';
import { LlmSettingsForm } from '@/components/LlmSettingsForm';

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
    </main>
  );
}
