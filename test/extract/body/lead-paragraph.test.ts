import { findLeadParagraph } from '../../../src/extract/body/lead-paragraph.js';
import { loadPage } from '../../../src/extract/parse-html.js';

const story = ['The council met on Tuesday and agreed the new budget after a long debate about schools.', 'Members said the plan would be reviewed again in the spring.'];
const page = (header: string, aside = '') =>
  loadPage(`<html><body>${aside}<article><header><h1>Budget agreed</h1>${header}<p class="byline">By Jane Doe</p></header><div class="text"><p>${story[0]}</p><p>${story[1]}</p></div></article></body></html>`);

describe('the lead paragraph Readability leaves in the header', () => {
  it.each(['<p class="lead">', '<p class="ts-intro">', '<div class="c-page-intro__copy">', '<p class="standfirst">', '<p class="subtitle">', '<div class="article-vorspann">'])(
    'is found between the title and the text: %s',
    (open) => {
      const tag = open.slice(1, open.indexOf(' '));
      const $ = page(`${open}After months of talks, the council has a budget that funds every school in the city.</${tag}>`);
      expect(findLeadParagraph($, story)).toBe('After months of talks, the council has a budget that funds every school in the city.');
    },
  );

  it('is not added when the body has it already', () => {
    const $ = page('<p class="lead">After months of talks, the council has a budget that funds every school in the city.</p>');
    expect(findLeadParagraph($, ['After months of talks, the council has a budget that funds every school in the city.', ...story])).toBeNull();
  });

  it('is never a teaser elsewhere on the page, a short kicker, a link, or an unnamed paragraph', () => {
    const teaser = '<div class="teaser"><p class="lead">Another story that is long enough to be a lead paragraph of some article.</p></div>';
    expect(findLeadParagraph(page('', teaser), story)).toBeNull();
    expect(findLeadParagraph(page('<p class="lead">Politics</p>'), story)).toBeNull();
    expect(findLeadParagraph(page('<p class="lead"><a href="/x">A link that is long enough to be a lead paragraph of an article</a></p>'), story)).toBeNull();
    expect(findLeadParagraph(page('<p>After months of talks, the council has a budget that funds every school in the city.</p>'), story)).toBeNull();
  });
});
