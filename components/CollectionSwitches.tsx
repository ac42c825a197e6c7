import { sendMessage } from '@/lib/messaging';
import { OptimisticCheckbox } from './OptimisticCheckbox';
import { useSetting } from './use-setting';

type SwitchKey = 'collectionPaused' | 'reviewBeforeSaving' | 'showSentTextNotices' | 'redactBeforeStoring';

const SAVE: Record<SwitchKey, (on: boolean) => Promise<void>> = {
  collectionPaused: (on) => sendMessage('setCollectionPaused', on),
  reviewBeforeSaving: (on) => sendMessage('setReviewBeforeSaving', on),
  showSentTextNotices: (on) => sendMessage('setShowSentTextNotices', on),
  redactBeforeStoring: (on) => sendMessage('setRedactBeforeStoring', on),
};

function SettingSwitch({ setting, label }: { setting: SwitchKey; label: string }) {
  return (
    <label className="switch">
      <OptimisticCheckbox role="switch" stored={useSetting(setting)} save={SAVE[setting]} /> {label}
    </label>
  );
}

export const PauseCollectionSwitch = () => <SettingSwitch setting="collectionPaused" label="Pause all collection" />;
export const ReviewBeforeSavingSwitch = () => <SettingSwitch setting="reviewBeforeSaving" label="Ask before keeping each sample" />;
export const SentTextNoticesSwitch = () => (
  <SettingSwitch setting="showSentTextNotices" label="Say in the page what happened to each text I send" />
);
export const RedactBeforeStoringSwitch = () => (
  <SettingSwitch setting="redactBeforeStoring" label="Replace email addresses, phone and card numbers before storing" />
);
