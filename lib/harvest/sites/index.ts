import type { SiteAdapter } from '../site-adapter';
import { bloggerSite } from './blogger';
import { discourseSite } from './discourse';
import { genericSite } from './generic';
import { ghostSite } from './ghost';
import { githubSite } from './github';
import { gmailSite } from './gmail';
import { hackerNewsSite } from './hacker-news';
import { linkedinSite } from './linkedin';
import { mediumSite } from './medium';
import { outlookSite } from './outlook';
import { redditSite } from './reddit';
import { substackSite } from './substack';
import { wordpressSite } from './wordpress';
import { xSite } from './x';
import { yahooMailSite } from './yahoo-mail';

/** Site-specific adapters first; the generic one catches every other allowed site. */
export const SITES: readonly SiteAdapter[] = [
  gmailSite,
  outlookSite,
  yahooMailSite,
  wordpressSite,
  mediumSite,
  substackSite,
  ghostSite,
  bloggerSite,
  redditSite,
  hackerNewsSite,
  linkedinSite,
  xSite,
  githubSite,
  discourseSite,
  genericSite,
];

export function siteAdapterFor(url: URL, doc?: Document): SiteAdapter {
  return SITES.find((site) => site.appliesTo(url, doc)) ?? genericSite;
}
