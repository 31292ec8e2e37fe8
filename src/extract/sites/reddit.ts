import type { SiteRule } from './types.js';

/** The post of a thread on the 2018–2023 reddit.com ("new reddit"); its comments are not the article. */
const POST = 'div[data-test-id="post-content"]';

/**
 * A reddit thread is a post and thousands of comments: Readability finds too little in the post and takes the
 * longest run of comments or chrome instead, after three whole-page retries (1.5–4 s on a 2 MB page). The post
 * itself is its text, its image, video or embedded player and the link it shares.
 */
export const redditRule: SiteRule = {
  name: 'reddit',
  hosts: ['reddit.com'],
  detect: 'meta[property="og:site_name"][content="reddit" i], meta[name="og:site_name"][value="reddit" i]',
  body: [
    POST,
    // A post that is only a title: the title is all a reader sees of it.
    `${POST} h1`,
  ],
  remove: [
    '[id^="vote-arrows-"]',
    'div:has(> [data-adclicklocation="top_bar"])', // "Posted by", author, age, "Archived", awards
    '[data-adclicklocation="title"]', // the title (it is the article's title)
    'div:has(> div > a[data-test-id="comments-page-link-num-comments"])', // comments, share, save, "84% Upvoted"
    '[data-isvideoplayer] > div, [data-isvideoplayer] > img', // the player's controls and poster frame
    '.icon',
    'img:not([src])', // a link preview's stand-in; its picture is a CSS background
  ],
  authors: `${POST} a[data-testid="post_author_link"]`,
};
