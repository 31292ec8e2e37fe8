import * as cheerio from 'cheerio';
import { extractQuotes } from '../../../src/extract/quotes/index.js';
import type { DirectQuote } from '../../../src/types.js';

function directs(bodyHtml: string): DirectQuote[] {
  const result = extractQuotes({ body$: cheerio.load(bodyHtml, null, false), pageUrl: 'https://news.example.com/a', pullQuotes: [] });
  return result.quotes.filter((q): q is DirectQuote => q.kind === 'direct');
}

const who = (q: DirectQuote[]): Array<[string | null, string | null | undefined]> => q.map((x) => [x.speaker, x.attribution]);

describe('speakers resolved as a reader does', () => {
  test('he / she go to the most recent person of that gender, across paragraphs; the surname to the full name', () => {
    const q = directs(
      '<p>Jim Cantrell, chief executive of Vector Space Systems, spoke to Mary Okafor about the launch.</p>' +
        '<p>The rocket exploded on the pad on Thursday morning.</p>' +
        '<p>"This one was particularly devastating for the whole team," he said.</p>' +
        '<p>"We will look at every part of the vehicle again," she said.</p>' +
        '<p>"Nobody was hurt, and that is what matters most," Cantrell said.</p>',
    );
    expect(who(q)).toEqual([
      ['Jim Cantrell', 'pronoun'],
      ['Mary Okafor', 'pronoun'],
      ['Jim Cantrell', 'named'],
    ]);
  });

  test('the gender a reader learns from Mr./Ms. and from the pronouns after a name', () => {
    const q = directs(
      '<p>Ms. Reyes met Mr. Haddad on Monday. Later, Kris Tanaka joined her team and said she was pleased.</p>' +
        '<p>"I had wanted to work on this for a very long time," she said.</p>' +
        '<p>"The numbers simply do not add up for the city," he said.</p>',
    );
    expect(who(q)).toEqual([
      ['Kris Tanaka', 'pronoun'],
      ['Haddad', 'pronoun'],
    ]);
  });

  test('a description introduced as unnamed stays unnamed; a definite one refers back to the person named', () => {
    const q = directs(
      '<p>One close associate said the talks had been quite common.</p>' +
        '<p>"What I always found was you have to suggest something to him," said the associate.</p>' +
        '<p>Jennifer Aniston shared a photo of her mother on Monday.</p>' +
        '<p>"My charity also offers a place to send kind letters to people," the actress wrote.</p>' +
        '<p>"Both of their families are upset about all of it," an insider told Us.</p>',
    );
    expect(who(q)).toEqual([
      [null, null],
      ['Jennifer Aniston', 'pronoun'],
      [null, null],
    ]);
    expect(q[2]?.description).toBe('an insider');
  });

  test('a quotation paragraph with no cue continues the speaker of the paragraph before', () => {
    const q = directs(
      '<p>"We are in a period of rapid adjustment for the market," chief economist Shaun Cathcart said in a release.</p>' +
        '<p>"As such, resale markets may remain on the quiet side for some time yet."</p>' +
        '<p>Prices fell again in May. "Nobody knows where the bottom is for these markets yet."</p>',
    );
    expect(who(q)).toEqual([
      ['Shaun Cathcart', 'named'],
      ['Shaun Cathcart', 'context'],
      [null, null],
    ]);
  });

  test('reported speech around a partial quote, an introducing sentence in the paragraph before, according to', () => {
    const q = directs(
      '<p>Donald Trump praised Giuliani. Trump went on to assert Giuliani "would have been an outstanding member of the Cabinet."</p>' +
        '<p>After the election, Twitter issued a statement to reporters:</p>' +
        '<p>"The Twitter Rules prohibit violent threats, harassment and hateful conduct."</p>' +
        '<p>According to author and psychologist Patricia A O\'Gorman, PhD in an interview, "The struggle women have with compliments is real."</p>' +
        '<p>An Air Mobility Command spokesperson told us, "We have been unable to reach them at this point."</p>',
    );
    expect(who(q)).toEqual([
      ['Donald Trump', 'named'],
      ['Twitter', 'named'],
      ["Patricia A O'Gorman", 'named'],
      ['Air Mobility Command', 'named'],
    ]);
  });

  test('a given name alone names a person; a title of a work or a photo credit does not', () => {
    const q = directs(
      '<p>Another Duke student, Brittany, said her class held a poll. Duke offered support to other students.</p>' +
        '<p>"The silent majority was very real, and it still is," she said.</p>' +
        '<p>Ryan Gosling is starring in Blade Runner 2049 in the fall, and he is having the time of his life.</p>' +
        '<p>Craig McDean/GQ</p>' +
        '<p>"It is like three movies that I usually make in one," he says.</p>',
    );
    expect(who(q)).toEqual([
      ['Brittany', 'pronoun'],
      ['Ryan Gosling', 'pronoun'],
    ]);
  });

  test('a one-word subject of reported speech must be someone the article names, not a place in passing', () => {
    const q = directs(
      '<p>A student at Wesleyan University, in Middletown, Connecticut, wrote that he had found "a diverse, intellectual and multifaceted community of people."</p>',
    );
    expect(who(q)).toEqual([[null, null]]);
  });

  test('"and he will answer, without missing a beat:" and narration naming nobody else between two quotations', () => {
    const q = directs(
      '<p>Ask Damien Chazelle, the director behind La La Land, and he will answer, without missing a beat: “Freeway gridlock. Anyone who has lived there will tell you that.”</p>' +
        '<p>Barack Obama spoke on Monday. "I am not a fan of discrimination and bullying of anybody at all," he said.</p>' +
        "<p>The president also admitted that some governments, including Kenya's, needed to improve.</p>" +
        '<p>"Well, they are not ideal institutions. But engagement gives us the best opportunity to influence them."</p>',
    );
    expect(who(q)).toEqual([
      ['Damien Chazelle', 'pronoun'],
      ['Barack Obama', 'pronoun'],
      ['Barack Obama', 'context'],
    ]);
  });

  test('a few cue verbs of other languages; German nouns are capitalized, so German is left alone', () => {
    const q = directs(
      '<p>"Stali se excelentním týmem a David Moyes si zaslouží obrovský kredit," píše na Twitteru Gary Lineker.</p>' +
        '<p>„Wir wollen den Streik nicht, aber der Arbeitgeber lässt uns keine Wahl“, sagte ein Sprecher der Gewerkschaft.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Gary Lineker', null]);
  });

  test('inverted attribution in any language: after a quote that ends in a comma, the name closing the clause spoke', () => {
    const q = directs(
      '<p>"Nenapadá mě jediný důvod, proč by letos nemohli skončit v elitní čtyřce," přidává se Emile Heskey, někdejší útočník.</p>' +
        '<p>"Jediné, na co si lze stěžovat, jsou jeho občasná špatná rozhodnutí," hodnotí českého středopolaře londýnský večerník Evening Standard.</p>' +
        '<p>"Pořád toho odvádí strašnou spoustu mimo hlavní pozornost," píše ve svém hodnocení server Claret and Hugh.</p>' +
        '<p>„Wir haben das Spiel heute klar verdient gewonnen“, sagte Julian Nagelsmann.</p>' +
        '<p>„Wir wollen den Streik nicht, aber der Arbeitgeber lässt uns keine Wahl“, sagte ein Sprecher der Gewerkschaft.</p>' +
        '<p>"We have waited for this ruling for years," in the Washington Post.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Emile Heskey', 'Evening Standard', 'Claret and Hugh', 'Julian Nagelsmann', null, null]);
  });

  test('a participle ("…, saying") is spoken by the subject of its clause; "who" stands for the name before it', () => {
    const q = directs(
      '<p>JIM WATSON/AFP/Getty Images</p>' +
        '<p>Snopes staff writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”</p>' +
        '<p>Emery retweeted the story, saying, “Are there un-angry Trump supporters?”</p>' +
        '<p>On December 29, I got a reply from Julia Blystone, who confirmed that the voice belongs to Anna Pickard, “one of our earliest employees, who helped create the voice.”</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['David Emery', 'David Emery', 'Julia Blystone']);
  });

  test('"he" after someone brought in without a name is that person: nobody named; an appositive is no such person', () => {
    const q = directs(
      '<p>Donald Trump won the state by a wide margin on Tuesday.</p>' +
        '<p>One student at Duke University in Durham, North Carolina, said he hid his vote from everyone.</p>' +
        '<p>"People were so into political correctness that voices were censored," he said.</p>' +
        '<p>Daniel, a New York University senior, said he was glad about the result.</p>' +
        '<p>"At NYU, everyone feels like we need to be inclusive of every view," he said.</p>',
    );
    expect(who(q)).toEqual([
      [null, null],
      ['Daniel', 'pronoun'],
    ]);
  });

  test('"as X reported", an outlet\'s possessive, -ly adverbs, a text that "reads", the cue right before the quote', () => {
    const q = directs(
      '<p>One witness described "cowering with her granddaughter under a table for nearly an hour," as NPR\'s Debbie Elliot reported.</p>' +
        '<p>The tweet from Vulture magazine reads, “#Hamilton Chicago show interrupted by angry Trump supporter.”</p>' +
        '<p>Jennifer Aniston was on the show on Thursday. When asked what she took, the actress authoritatively stated, “Beads. From a bead shop, when I was eight.”</p>' +
        '<p>She read aloud "the whole of the report that the committee had sent to her office." </p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Debbie Elliot', 'tweet from Vulture magazine', 'Jennifer Aniston', null]);
  });

  test('a partial quotation with no verb of saying, in a sentence about one person only, is that person\'s', () => {
    const q = directs(
      '<p>Ryan Gosling grew up in Ontario.</p>' +
        '<p>So, after his school “started feathering me into some special-education classes,” Gosling turned his attention towards acting.</p>' +
        '<p>The scientists do not know what Trump might do to the Obama administration, which has spoken about “the urgent imperatives of climate change.”</p>' +
        '<p>Alerts must either be official AMBER alerts, or involve “imminent threats to safety or life.”</p>',
    );
    expect(who(q)).toEqual([
      ['Ryan Gosling', 'named'],
      ['Obama administration', 'named'], // never Trump, the one person of the sentence: "which" has its own subject
      [null, null],
    ]);
  });

  test('"which he called …", a name qualifying a group, a surname taken up with "his", "he" continuing a sentence subject', () => {
    const q = directs(
      '<p>It was a hard year for billionaire Elon Musk, and for Jim Cantrell, who said he was worried.</p>' +
        '<p>The accident has been perplexing for Musk and his team.</p>' +
        '<p>On Twitter, Musk appealed for photos of the anomaly, which he called "the most difficult and complex failure we have had."</p>' +
        '<p>Daniel, a New York University senior, said he was glad. "There is the assumption that nobody is going to get hurt here," he said.</p>' +
        '<p>(He acknowledged that there were few Trump supporters on campus, and said he looked forward to Milo Yiannopoulos’s speech.)</p>' +
        '<p>"At NYU, everyone feels like we need to be inclusive of every view," he said.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Elon Musk', 'Daniel', 'Daniel']);
  });

  test('after a quote and a long "for …" phrase, the name closing the words before the cue spoke', () => {
    const q = directs(
      '<p>“These findings could be significant" for revising the building standards, Joost van Hoof of Fontys University of Applied Sciences writes in an accompanying article.</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Joost van Hoof']);
  });

  test('a passage quoted with its own attribution inside is spoken by the person it names', () => {
    const q = directs(
      '<p>A New York Post article at the time quoted a fan. “‘Donald Trump, who’s that again?’ asked Millie Tracer of Skokie. ‘I came to see the game.’”</p>',
    );
    expect(q.map((x) => x.speaker)).toEqual(['Millie Tracer']);
  });

  test('a quotation with no cue closing a paragraph of narration about one person is theirs (context)', () => {
    const q = directs(
      '<p>With his musical charming audiences, Ryan Gosling has a lot on his plate. But what the actor is most excited about is life at home. "Your whole life, you hear what it is like to have kids, and all the clichés are true."</p>' +
        '<p>The city council met on Tuesday and Maria Okafor spoke first. "The budget will not balance itself this year, not without cuts."</p>',
    );
    expect(who(q)).toEqual([
      ['Ryan Gosling', 'context'],
      [null, null],
    ]);
  });
});

describe('speakers a reader finds without a cue next to the quote', () => {
  test('a quotation that opens with "According to X," is X\'s', () => {
    const q = directs(
      '<p>You can add statements like "You are always very fair with everyone," or something like it. "According to Fern Weis, a parent coach, when you praise an action it may not be received, but praise of a character trait is."</p>',
    );
    expect(who(q)).toEqual([
      [null, null],
      ['Fern Weis', 'named'],
    ]);
  });
});

describe('relative clauses of saying', () => {
  test('"X, which has spoken about “…”" / "X, who warned “…”": which / who stands for the noun phrase before', () => {
    const q = directs(
      '<p>Their work has been in line with the science and the Obama administration, which has spoken about "the urgent imperatives of climate change."</p>' +
        '<p>The plan drew a reply from Julia Blystone, who warned that it would "leave the whole team without a single engineer."</p>' +
        '<p>Shares fell after the news reached the company, which said it "would review every contract again this year."</p>',
    );
    expect(q.map((x) => [x.speaker, x.attribution, x.cue])).toEqual([
      ['Obama administration', 'named', 'spoken'],
      ['Julia Blystone', 'named', 'warned'],
      [null, null, 'said'],
    ]);
  });
});

describe('an unnamed spokesperson speaks for the body', () => {
  test('in reported speech too, under the full name the article gives the body', () => {
    const q = directs(
      '<p>A spokesperson at Air Mobility Command told Mashable they did not know why the plane was there.</p>' +
        '<p>An Air Mobility spokesperson told Mashable they have been trying to get in touch with the New York National Guard but, "We have been unable to get a hold of them at this point."</p>' +
        '<p>One officer told Mashable they have been trying for many hours to get in touch with the crew on the ground but, "Nobody there has answered a single call all day."</p>',
    );
    expect(who(q)).toEqual([
      ['Air Mobility Command', 'named'],
      [null, null],
    ]);
  });
});

describe('an aside inside a quotation', () => {
  test('a piece going on in lower case after an aside set off by dashes is the same quotation; names in the aside speak not', () => {
    const q = directs(
      '<p>“He had some big set pieces in mind already,” Justin Hurwitz says. “Then we give the music to our lyricists Benj Pasek and Justin Paul” – the songwriting duo behind the Broadway hit Dear Evan Hansen, who are having quite a moment – “and then I’d make the orchestrations.” The song “City of Stars” was “one of those that went through many demos. And I do mean many.”</p>',
    );
    expect(q.map((x) => [x.text.slice(0, 20), x.speaker, x.attribution])).toEqual([
      ['He had some big set ', 'Justin Hurwitz', 'named'],
      ['Then we give the mus', 'Justin Hurwitz', 'context'],
      ['one of those that we', 'Justin Hurwitz', 'context'],
    ]);
    expect(q[1]?.text).toMatch(/Justin Paul and then I’d make the orchestrations\.$/);
  });

  test('a cue-less short sentence continuing a speaker is still reported', () => {
    const q = directs('<p>“We looked everywhere for the dog before dark,” Maria Okafor said. She paused. “Nobody came.”</p>');
    expect(who(q)).toEqual([
      ['Maria Okafor', 'named'],
      ['Maria Okafor', 'context'],
    ]);
  });
});

describe('a text that speaks for its author', () => {
  test('"It says" / "The caption read:" after a sentence in which someone puts the text out is the author’s', () => {
    const q = directs(
      '<p>Elizabeth Snyder thanked her friends. This is another image Elizabeth Snyder posted to Facebook on Sunday. It says, "I cannot describe what this necklace means to me, not in a hundred years."</p>' +
        '<p>Demi Lovato did not like it. Her comment upset Vladimir Serbanescu, and he re-uploaded the drawing with a caption that said it was never meant to be realistic.</p>' +
        '<p>The caption read:</p><p>"If I make your waist slimmer, it does not mean that all girls should look like that."</p>' +
        '<p>The street was empty on Monday morning. The sign read: "Closed until further notice, by order of the council."</p>',
    );
    expect(who(q)).toEqual([
      ['Elizabeth Snyder', 'pronoun'],
      ['Vladimir Serbanescu', 'pronoun'],
      [null, null],
    ]);
  });
});

describe('words given as someone’s request, statement or reply', () => {
  test('"X’s request to “…”" is X’s; a body described again in the same words speaks under that description', () => {
    const q = directs(
      '<p>The request by the president-elect’s transition team for the names of employees worried them.</p>' +
        '<p>Nonetheless, the transition team’s request to "provide a list of all Department of Energy employees who attended" casts a shroud over the workforce.</p>' +
        '<p>Ana Reyes wrote back within the hour. Reyes’s reply: "We will not hand over a single name to anyone, ever."</p>' +
        '<p>Shares fell on Monday. The review panel’s statement that "every contract will be examined again this year" was brief.</p>',
    );
    expect(q.map((x) => [x.speaker, x.attribution, x.cue])).toEqual([
      ['transition team', 'named', 'request'],
      ['Ana Reyes', 'named', 'reply'],
      [null, null, 'statement'],
    ]);
  });
});

describe('a bare description in a language without articles', () => {
  test('"…," tvrdí mladá anglická superstar refers back like "he"; an English bare noun does not', () => {
    const q = directs(
      '<p>"Hraje prostě velkolepě a připomínám, že je mu stále jen dvaadvacet let," zdůrazňuje Declan Rice.</p>' +
        '<p>Fanoušci věří, že Rice zůstane nejméně do léta.</p>' +
        '<p>"Náš kolektiv je teď opravdu speciální a jsme nadšení," tvrdí mladá anglická superstar.</p>' +
        '<p>Maria Okafor opened the meeting on Tuesday.</p>' +
        '<p>"We never expected the roof to fall in like that," recalls longtime neighbour.</p>',
    );
    expect(q.map((x) => [x.speaker, x.attribution, x.description])).toEqual([
      ['Declan Rice', 'named', null],
      ['Declan Rice', 'pronoun', 'mladá anglická superstar'],
      [null, null, null],
    ]);
  });
});

describe('a round-up item under a linked heading', () => {
  test('a paragraph that is all quotation under a heading that is wholly a link is the item’s own words', () => {
    const q = directs(
      '<h2><a href="https://github.com/example/regex2fat">regex2fat</a></h2>' +
        '<p><em>“Did you ever want to match a regex, but all you had was a fat32 driver?"</em></p>' +
        '<p>I have no idea how any of this works, but even the tagline confuses me.</p>' +
        '<h2>Background</h2>' +
        '<p>“Nobody has ever asked us about the old bridge until this spring.”</p>',
    );
    expect(who(q)).toEqual([
      ['regex2fat', 'context'],
      [null, null],
    ]);
  });
});

describe('host and guest taking turns in one paragraph', () => {
  test('a description is the other participant than who spoke last, among those its gender allows', () => {
    const q = directs(
      '<p>Jennifer Aniston was on Thursday night’s Jimmy Kimmel Live!</p>' +
        '<p>During the actress’s appearance, Kimmel asked her about a photo, saying, “I can’t imagine how this happens to you at all.” Aniston replied, “Well, here’s the sad part of that story, I’ve worn that coat four times.” The host quipped, “isn’t that against the rules of Hollywood these days?” She continued, “I wore it at least four times, it was very sweetly gifted to me.” At which point the late night host insisted, “you stole that coat didn’t you, be honest?”</p>' +
        '<p>Senator Ana Reyes spoke on Monday. “We will not vote for this budget as it stands,” Reyes said. The senator added, “Not this year, and not the next one either.”</p>',
    );
    expect(who(q)).toEqual([
      ['Jimmy Kimmel', 'named'],
      ['Jennifer Aniston', 'named'],
      ['Jimmy Kimmel', 'pronoun'],
      ['Jennifer Aniston', 'pronoun'],
      ['Jimmy Kimmel', 'pronoun'],
      ['Ana Reyes', 'named'],
      ['Ana Reyes', 'pronoun'],
    ]);
  });
});

describe('the gender the writer tells', () => {
  test('"Tarlow asked her about …": an object of the name’s own verb tells nothing of Tarlow', () => {
    const q = directs(
      '<p>“We start on Monday, whatever the weather,” Tarlow said.</p>' +
        '<p>Later Tarlow asked her about the budget. “We will need more money than anyone planned,” he said.</p>',
    );
    expect(who(q)).toEqual([
      ['Tarlow', 'named'],
      ['Tarlow', 'pronoun'],
    ]);
  });
});

describe('a description that is not a conversational role', () => {
  test('keeps the usual resolution in a paragraph of turns ("explains Stephen … says the son")', () => {
    const q = directs(
      '<p>“So there we were, staring at the board,” Stephen Jones says. “Lonely is the right word for it,” Jerry Jones says. “But no one was calling us to trade,” explains Stephen. By this time the boss “was not happy at all with anyone,” says the son.</p>',
    );
    expect(who(q).map(([name]) => name)).toEqual(['Stephen Jones', 'Jerry Jones', 'Stephen Jones', 'Stephen Jones']);
  });
});
