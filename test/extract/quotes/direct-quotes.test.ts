import * as cheerio from 'cheerio';
import { extractQuotes } from '../../../src/extract/quotes/index.js';
import type { DirectQuote, Quote } from '../../../src/types.js';

const PAGE = 'https://news.example.com/2024/05/01/story';

function quotesOf(bodyHtml: string, pullQuotes: string[] = []): Quote[] {
  const result = extractQuotes({ body$: cheerio.load(bodyHtml, null, false), pageUrl: PAGE, pullQuotes });
  expect(result.warnings).toEqual([]);
  return result.quotes;
}

/** Direct quotes as text, speaker and cue (how the speaker was found is tested in speaker-resolution.test.ts). */
function directs(bodyHtml: string): DirectQuote[] {
  return quotesOf(bodyHtml)
    .filter((q): q is DirectQuote => q.kind === 'direct')
    .map(({ attribution: _attribution, description: _description, ...rest }) => rest);
}

describe('direct quotes', () => {
  test('"…," said Full Name — verb before the speaker', () => {
    const q = directs('<p>“We have never seen a season like this one,” said Harriet Okafor, who runs the county farm bureau.</p>');
    expect(q).toEqual([{ kind: 'direct', text: 'We have never seen a season like this one', speaker: 'Harriet Okafor', cue: 'said' }]);
  });

  test('"…," Surname said — surname expanded to the full name the article gave', () => {
    const q = directs(
      '<p>Harriet Okafor, who runs the county farm bureau, has farmed here for 30 years.</p>' +
        '<p>"The rain came three weeks too late for the corn," Okafor said.</p>',
    );
    expect(q).toEqual([{ kind: 'direct', text: 'The rain came three weeks too late for the corn', speaker: 'Harriet Okafor', cue: 'said' }]);
  });

  test('Name said: "…" — attribution before the quote', () => {
    const q = directs('<p>Bezio said: "The bridge will reopen to traffic before the end of the summer."</p>');
    expect(q).toEqual([
      { kind: 'direct', text: 'The bridge will reopen to traffic before the end of the summer.', speaker: 'Bezio', cue: 'said' },
    ]);
  });

  test('a descriptive speaker is kept as written, and the next quote of the paragraph keeps the speaker', () => {
    const q = directs(
      '<p>"The situation around Embassy Baghdad has improved," a State Department spokesperson said Wednesday. ' +
        '"We appreciate the effective measures the Government of Iraq has taken."</p>',
    );
    // An unnamed spokesperson speaks for the organisation named.
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([
      ['State Department', 'said'],
      ['State Department', 'said'],
    ]);
    expect(q[0]?.text).toBe('The situation around Embassy Baghdad has improved');
  });

  test('titles before a name are dropped: "Defense Secretary Mark Esper" → "Mark Esper"', () => {
    const q = directs('<p>"We will defend our people and our interests," Defense Secretary Mark Esper told reporters.</p>');
    expect(q).toEqual([{ kind: 'direct', text: 'We will defend our people and our interests', speaker: 'Mark Esper', cue: 'told' }]);
  });

  test('a lower-case role before a name is dropped: "spokesman Mohammad Mohyeddin told AFP"', () => {
    const q = directs('<p>"We scored a huge win: we arrived to the US embassy," spokesman Mohammad Mohyeddin told AFP.</p>');
    expect(q[0]?.speaker).toBe('Mohammad Mohyeddin');
    expect(q[0]?.cue).toBe('told');
  });

  test('he/she resolves to the most recent named speaker of the same or the previous paragraph', () => {
    const q = directs(
      '<p>"We were ready for a fight in the courts," said Dana Whitlock, the city attorney.</p>' +
        '<p>"Now we are ready for a fight at the ballot box," she added.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Dana Whitlock', 'Dana Whitlock']);
    expect(q[1]?.cue).toBe('added');
  });

  test('a pronoun goes to the most recent compatible person, across paragraphs, and to one named in between', () => {
    const far = directs(
      '<p>"We were ready for a fight in the courts," said Dana Whitlock.</p>' +
        '<p>The council met on Tuesday evening.</p><p>The vote was close.</p>' +
        '<p>"It is not over yet, not by a long way," she said.</p>',
    );
    expect(far.map((x) => x.speaker)).toEqual(['Dana Whitlock', 'Dana Whitlock']);
    const other = directs(
      '<p>"We were ready for a fight in the courts," said Dana Whitlock.</p>' +
        '<p>Council member Victor Huang disagreed. "It is not over yet, not by a long way," he said.</p>',
    );
    expect(other.map((x) => x.speaker)).toEqual(['Dana Whitlock', 'Victor Huang']);
  });

  test('a pronoun goes to a known speaker named just before it rather than to the last one quoted', () => {
    const q = directs(
      '<p>"Buyouts empty out whole neighborhoods for a decade," said Harriet Okafor.</p>' +
        '<p>"Forty million dollars buys a lot of houses," said Daniel Bezio.</p>' +
        '<p>Okafor rejected that comparison. "Nobody wants to leave the street they grew up on," she said.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Harriet Okafor', 'Daniel Bezio', 'Harriet Okafor']);
  });

  test('two named people are each matched to their own quote', () => {
    const q = directs(
      '<p>“The plant will close in March and the jobs will go with it,” said Harriet Okafor, the union steward.</p>' +
        '<p>Company spokesman Tom Reyes disputed that. “No decision on the plant has been made yet,” Reyes said.</p>' +
        '<p>“We have heard that before, many times,” Okafor said.</p>',
    );
    expect(q.map((x) => [x.speaker, x.text])).toEqual([
      ['Harriet Okafor', 'The plant will close in March and the jobs will go with it'],
      ['Tom Reyes', 'No decision on the plant has been made yet'],
      ['Harriet Okafor', 'We have heard that before, many times'],
    ]);
  });

  test('a quote running over several paragraphs (opening mark, no closing mark) is one quotation per paragraph, one speaker', () => {
    const q = directs(
      '<p>“We knew the river would rise. We did not know it would rise this fast.</p>' +
        '<p>“By midnight the water was at the door,” said Maria Lopez, who owns the bakery.</p>' +
        '<p>Eben Burnham-Snyder, a department spokesman, wrote: “Our workforce is the backbone of the department.</p>' +
        '<p>“We will be forthcoming with all publicly available information.” His email had the last sentence in bold.</p>',
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['We knew the river would rise. We did not know it would rise this fast.', 'Maria Lopez'],
      ['By midnight the water was at the door', 'Maria Lopez'],
      ['Our workforce is the backbone of the department.', 'Eben Burnham-Snyder'],
      ['We will be forthcoming with all publicly available information.', 'Eben Burnham-Snyder'],
    ]);
  });

  test('a sentence split by its attribution is one quote', () => {
    const q = directs('<p>"We will rebuild," she said, "and we will do it without help from the state."</p>');
    expect(q).toHaveLength(1);
    expect(q[0]?.text).toBe('We will rebuild, and we will do it without help from the state.');
  });

  test('two quoted pieces with other words between them are two quotations, each with its speaker', () => {
    const q = directs(
      '<p>Dylann Roof spoke to the agents for two hours, and he told them everything.</p>' +
        '<p>He said he felt he "had to" commit the crime because "no one else was brave enough," and that white people "already are the second-class citizens."</p>' +
        '<p>The ballad “City of Stars” was “one of those songs that went through many demos and rewrites,” Hurwitz said.</p>',
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['no one else was brave enough', 'Dylann Roof'],
      ['already are the second-class citizens.', 'Dylann Roof'],
      ['one of those songs that went through many demos and rewrites', 'Hurwitz'],
    ]);
  });

  test('words cited rather than said: examples, hypothetical or negated sayings, titles, phrases talked about', () => {
    const q = directs(
      '<p>People use it as a crutch. For example: “Ugh, I literally tore the house apart looking for my remote control!”</p>' +
        '<p>An abuser would have said: “Every time a person uses that word, a piece of my soul literally withers.”</p>' +
        '<p>“I’m so hungry I could eat a horse,” means you’re hungry. Don’t say “Courtney, this post is so snobbish it burned up my computer.”</p>' +
        '<p>John Podesta wrote an op-ed with the headline "Something is deeply broken at the FBI," he noted.</p>' +
        '<p>If you question “safe spaces,” for example, “you’ll immediately be slammed as a hypocrite or an oppressor,” Daniel said.</p>',
    );
    expect(q.map((x) => x.text)).toEqual(['you’ll immediately be slammed as a hypocrite or an oppressor']);
  });

  test('more attribution forms: according to, asked, appositive before the cue, statement lead-in', () => {
    const q = directs(
      '<p>"Nobody has asked the families what they want from this process," according to Rosa Delgado.</p>' +
        '<p>"Why did it take four years to get here?" asked Omar Farouk, a parent.</p>' +
        '<p>Okafor, who chairs the board, said: "We will publish every invoice from the project."</p>' +
        '<p>In a statement, the company said: "We regret the disruption this has caused our customers."</p>',
    );
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([
      ['Rosa Delgado', 'according to'],
      ['Omar Farouk', 'asked'],
      ['Okafor', 'said'],
      // A description is no name: the speaker stays null (the description is kept apart, see speaker-resolution).
      [null, 'said'],
    ]);
  });

  test('verb-first with a title abbreviation or lower-case role words before the name', () => {
    const q = directs(
      '<p>“We are watching records fall by margins the models told us to expect,” said Dr. Amara Lindqvist, an oceanographer.</p>' +
        '<p>“We ran out of chips by Saturday teatime,” said festival director Siobhán Keary. “That has never happened before.”</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Amara Lindqvist', 'Siobhán Keary', 'Siobhán Keary']);
  });

  test('straight quotes work like curly ones', () => {
    const q = directs('<p>"The numbers simply do not add up," said Priya Natarajan, an economist.</p>');
    expect(q[0]?.speaker).toBe('Priya Natarajan');
  });

  test('scare quotes and short titles are not quotes', () => {
    const q = directs(
      '<p>The so-called "fiscal cliff" loomed, and critics called the plan a "giveaway". ' +
        'She has read "War and Peace" twice.</p>',
    );
    expect(q).toEqual([]);
  });

  test('a short quote with a cue verb counts', () => {
    const q = directs('<p>"Absolutely not," said Mayor Linda Park.</p>');
    expect(q).toEqual([{ kind: 'direct', text: 'Absolutely not', speaker: 'Linda Park', cue: 'said' }]);
  });

  test('quotes inside excerpts are not reported as direct quotes', () => {
    const quotes = quotesOf(
      '<p>NBC News has more details:</p>' +
        '<blockquote><p>"The situation around Embassy Baghdad has improved," a State Department spokesperson said.</p></blockquote>',
    );
    expect(quotes.map((q) => q.kind)).toEqual(['excerpt']);
  });

  test('quotes inside embed figures are ignored', () => {
    const quotes = quotesOf(
      '<figure class="chronicle-embed" data-chronicle-embed="0" data-provider="twitter"><blockquote><p>"We are leaving the embassy now, all of us," said Someone Else.</p></blockquote></figure>',
    );
    expect(quotes).toEqual([]);
  });

  test('an embed is known by its figure class among others, or by data-chronicle-embed on any element; tables, captions and asides are not the article\'s own paragraphs', () => {
    const quote = (n: number): string => `<p>"We are leaving the embassy now, all ${n} of us," said Someone Else.</p>`;
    expect(quotesOf(`<figure class="wide chronicle-embed">${quote(1)}</figure>`)).toEqual([]);
    expect(quotesOf(`<div data-chronicle-embed="1"><div>${quote(2)}</div></div>`)).toEqual([]);
    expect(quotesOf(`<figure class="chronicle-embedded">${quote(3)}</figure>`).map((q) => q.kind)).toEqual(['direct']);
    for (const wrapper of ['table><tr><td', 'figure><figcaption', 'aside', 'pre']) {
      const tags = wrapper.split('><');
      const open = tags.map((tag) => `<${tag}>`).join('');
      const close = [...tags].reverse().map((tag) => `</${tag}>`).join('');
      expect(quotesOf(`${open}${quote(4)}${close}`)).toEqual([]);
    }
  });
});

describe('speaker phrases that are not speakers', () => {
  test('a verb-first cue still names the speaker; a possessive, a preposition or a gerund phrase is no speaker; trailing adverbs are dropped', () => {
    const q = directs(
      '<p>"It was a very long night for all of us there," Replied Stephen.</p>' +
        '<p>"We had ambitious goals for the whole mission," Rosetta’s says.</p>' +
        '<p>"You are gonna be out there selling it all day," after the guy says.</p>' +
        '<p>"I am a marvelous housekeeper, every single time," Zsa Zsa Gabor famously said.</p>' +
        '<p>“Die Blüten sind die größten Blumen der Welt“, sagt er. Er forscht seit Jahren.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Stephen', null, null, 'Zsa Zsa Gabor', null]);
    expect(q[4]?.text.startsWith('Die Blüten')).toBe(true);
  });
});
