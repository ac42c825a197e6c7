import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import { useSetting } from './use-setting';

type SwitchKey = 'collectionPaused' | 'reviewBeforeSaving';

const SAVE: Record<SwitchKey, (on: boolean) => Promise<void>> = {
  collectionPaused: (on) => sendMessage('setCollectionPaused', on),
  reviewBeforeSaving: (on) => sendMessage('setReviewBeforeSaving', on),
};

/** A switch that flips at once and follows the stored value, whoever changed it. */
function SettingSwitch({ setting, label }: { setting: SwitchKey; label: string }) {
  const stored = useSetting(setting);
  const [shown, setShown] = useState<boolean | undefined>(stored);
  useEffect(() => setShown(stored), [stored]);
  return (
    <label className="switch">
      <input
        type="checkbox"
        role="switch"
        checked={shown ?? false}
        disabled={shown === undefined}
        onChange={(event) => {
          const on = event.target.checked;
          setShown(on);
          void SAVE[setting](on).catch(() => setShown(stored));
        }}
      />{' '}
      {label}
    </label>
  );
}

export const PauseCollectionSwitch = () => <SettingSwitch setting="collectionPaused" label="Pause all collection" />;
export const ReviewBeforeSavingSwitch = () => <SettingSwitch setting="reviewBeforeSaving" label="Ask before keeping each sample" />;
