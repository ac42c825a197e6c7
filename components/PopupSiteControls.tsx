import { CollectOnThisSite } from './CollectOnThisSite';
import { PauseCollectionSwitch } from './CollectionSwitches';

/** The popup's footer: collecting on this tab's site, and pausing all collection. Loaded after the first render. */
export default function PopupSiteControls({ site }: { site: string | null }) {
  return (
    <>
      <CollectOnThisSite site={site} />
      <PauseCollectionSwitch />
    </>
  );
}
