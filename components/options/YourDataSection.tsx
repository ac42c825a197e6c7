import { ProfileTransfer } from '../ProfileTransfer';

/** Everything Idiolect keeps is the person's: take it away, bring it back, destroy it. */
export function YourDataSection() {
  return <ProfileTransfer />;
}
