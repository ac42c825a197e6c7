import { defineSite } from './define-site';

/** X (Twitter): posts, replies and direct messages. */
export const xSite = defineSite({
  id: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  kind: 'post',
  kindOf: (field) => (field.closest('[data-testid="dmComposerTextInput"], [data-testid="dm-composer-textarea"]') ? 'other' : 'post'),
  editor: '[data-testid^="tweetTextarea_"][role="textbox"], [data-testid="dmComposerTextInput"], [data-testid="dm-composer-textarea"]',
  sendControl: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"], [data-testid="dmComposerSendButton"], [data-testid="dm-composer-send-button"]',
});
