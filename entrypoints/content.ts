import { followHarvestPolicy } from '@/lib/harvest/follow-harvest-policy';
import { handOverSentText, PAUSED_NOTICE } from '@/lib/harvest/hand-over-sample';
import { offerRewriteBeside } from '@/lib/harvest/rewrite-control';
import { showSentTextNotice } from '@/lib/harvest/sent-text-notice';
import { siteAdapterFor } from '@/lib/harvest/sites';
import { watchForSends } from '@/lib/harvest/watch-sends';
import { sendMessage } from '@/lib/messaging';

export default defineContentScript({
  // Registered at run time, only for the sites the user allowed (see lib/background/harvest-registration.ts);
  // no matches here, so the manifest asks for no host because of this script.
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const site = siteAdapterFor(new URL(location.href), document);
    const policy = followHarvestPolicy();
    const stop = watchForSends(
      document,
      site,
      (sent) => {
        void handOverSentText(document, sent, policy.current()).catch(() => {
          // The extension was updated or reloaded under this page; nothing to do until the page reloads.
        });
      },
      {
        mayRead: () => policy.current().collecting,
        onSendUnread: () => {
          const { paused, showSentTextNotices } = policy.current();
          if (paused && showSentTextNotices) showSentTextNotice(document, PAUSED_NOTICE, 'quiet');
        },
      },
    );
    // The card's own code is not here: the background injects it the first time it is asked for.
    const stopOffering = offerRewriteBeside(document, site, () => {
      void sendMessage('openRewriteCard').catch(() => {
        // The extension was updated or reloaded under this page; nothing to do until the page reloads.
      });
    });
    ctx.onInvalidated(() => {
      stop();
      stopOffering();
      policy.stop();
    });
  },
});
