import * as cheerio from 'cheerio';
import { blockText, countWords } from '../../../src/extract/body/block-text.js';
import { flattenBlocks } from '../../../src/extract/body/blocks.js';
import { sanitizeBody } from '../../../src/extract/body/sanitize-body.js';
import { findDenseContainer, isInside, pickFallsShort, proseOf } from '../../../src/extract/body/dense-container.js';
import { loadPage } from '../../../src/extract/parse-html.js';
import { cleanChrome, isBylineText, isChromeText, isDateOnly, isSectionLabel, isVocabularyChrome } from '../../../src/extract/clean/clean-chrome.js';

const fragment = (html: string) => cheerio.load(html, null, false);

describe('flattenBlocks', () => {
  it('unwraps nested wrappers into one sequence of blocks, inline runs becoming paragraphs', () => {
    const html = flattenBlocks(
      fragment('<div id="readability-page-1"><div><p>One</p><div><h2>Two</h2>loose <b>text</b><blockquote><p>Q</p></blockquote></div></div><div>Only inline</div></div>'),
    );
    const $ = fragment(html);
    expect($.root().children().toArray().map((node) => (node as { name: string }).name)).toEqual(['p', 'h2', 'p', 'blockquote', 'p']);
    expect($.root().children().eq(2).html()).toBe('loose <b>text</b>');
    expect($.root().children().eq(4).text()).toBe('Only inline');
  });

  it('drops empty paragraphs but keeps image-only ones', () => {
    const $ = fragment(flattenBlocks(fragment('<p> </p><p><img src="https://x/i.png"></p><p>a</p>')));
    expect($.root().children()).toHaveLength(2);
  });

  it('keeps a run of inline content that is only an image when asked (a site rule\'s photo post), else drops it (avatars)', () => {
    const body = '<div><div><a href="https://x/big.jpg"><img src="https://x/i.jpg"></a></div><div><a href="https://x/"> </a></div></div>';
    expect(flattenBlocks(fragment(body), { keepImageRuns: true })).toBe('<p><a href="https://x/big.jpg"><img src="https://x/i.jpg"></a></p>');
    expect(flattenBlocks(fragment(body))).toBe('');
  });
});

describe('blockText', () => {
  it('separates blocks by a blank line and never runs words together across tags', () => {
    const $ = fragment('<h2>Title</h2><p>First<b>bold</b> and <i>it</i></p><div><p>Second</p><p>Third<br>line</p></div><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>');
    expect(blockText($.root().children().toArray())).toBe('Title\n\nFirstbold and it\n\nSecond\n\nThird\nline\n\na\n\nb\n\nx\ty');
  });

  it('leaves out excluded nodes and script-like content', () => {
    const $ = fragment('<p>Keep</p><figure data-x="1"><p>embed text</p></figure><script>var a</script><p>Also</p>');
    const text = blockText($.root().children().toArray(), (node) => node.type === 'tag' && (node as { name: string }).name === 'figure');
    expect(text).toBe('Keep\n\nAlso');
  });

  it('separates sentences that stand in sibling inline elements', () => {
    const $ = fragment('<figcaption><span>Bleached coral off Florida in August.</span><span>Credit...Jane Doe</span></figcaption><p>U.S.<b>Army</b> e.g.<i>x</i> 3.<b>5</b></p>');
    expect(blockText($.root().children().toArray())).toBe('Bleached coral off Florida in August. Credit...Jane Doe\n\nU.S. Army e.g.x 3.5');
  });

  it('counts Japanese words by the Unicode word-break rules, not by spaces', () => {
    expect(countWords('東京で新しい駅が開業した。')).toBe(7);
  });

  it('counts words across scripts and contractions', () => {
    expect(countWords("It's 5.5 percent — the state's view, 東京")).toBe(7);
  });

  it('counts a long text the way the Unicode segmenter counts it whole (it is counted in pieces, in linear time)', () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    const reference = (text: string): number => {
      let count = 0;
      for (const line of text.split('\n')) for (const segment of segmenter.segment(line)) if (segment.isWordLike) count += 1;
      return count;
    };
    const tokens = [
      'word', 'U.S.', 'e.g.', '3.5', 'a.5', '1,000', "don't", '(quoted)', '"said"', 'x_y', 'a1.b', 'café', 'naïve', '—',
      '東京で新しい駅が開業した。', 'これは テスト', 'e\u0301t\u0301e\u0301', '\u0301orphan', 'zero\u200bwidth', '🇫🇷', '👩‍👩‍👧', '...', 'Ω-3',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const parts: string[] = [];
    for (let index = 0; index < 40000; index++) parts.push(tokens[next() % tokens.length]!, [' ', ' ', '  ', '\n', '\t', ''][next() % 6]!);
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(150000);
    expect(countWords(text)).toBe(reference(text));
  });
});

describe('chrome clean-up', () => {
  it.each([
    'We may receive compensation from affiliate partners for some links on this site. Read our full Disclosure here.',
    'Join the conversation!',
    'Please share your thoughts about this article below. We value your opinions, and would love to see you add to the discussion!',
    'Hey, Noah here!',
    'Wondering where we went?',
    'Read this and bookmark our new site!',
    'See you over there!',
    'Thanks for sharing!',
    'READ MORE: Senate passes the bill',
    'Sign up for our free daily newsletter',
    'Facebook Twitter Email',
    'Zurück zur Übersicht',
    'Lade weitere Inhalte',
    'Zum Vergrößern auf das Bild klicken',
    'Quellen ausblenden',
    'Permalink',
    'Externer Inhalt',
    'Dieses Skript als PDF herunterladen',
    'This entry was posted in Allgemein. Bookmark the permalink.',
  ])('recognises chrome: %s', (text) => {
    expect(isChromeText(text)).toBe(true);
  });

  it.each([
    'The newsletter was sent to 2 million readers after the senator said she would join the conversation on reform.',
    'Thanks to President Trump’s excellent command over the attack, the situation is now diffused.',
    'Read more about the decision in the court filing, which runs to 300 pages and details the accusations against the firm over many years.',
    'Back to top of the story we go, said the captain.',
    'Zum Vergrößern der Anlage wurden drei Millionen Euro investiert.',
    'The photos are licensed under a Creative Commons licence, the museum said, so anyone may reuse them; critics of the policy say artists lose out and want a fee for every commercial use of the images.',
  ])('keeps article text: %s', (text) => {
    expect(isChromeText(text)).toBe(false);
  });

  it.each(['Fri 19 Jul 2024 12.42 BST', 'March 3, 2024, 5:10 p.m. ET', 'Published on 3 March 2024'])('recognises a bare dateline: %s', (text) => {
    expect(isDateOnly(text) || isBylineText(text, [])).toBe(true);
  });

  it.each(['By Jane Doe and John Roe', 'Von Jana Körber · 6. Februar 2024', 'VON Sina Giebel', 'Por María López'])('recognises a left-over byline in any case: %s', (text) => {
    expect(isBylineText(text, [])).toBe(true);
  });

  it.each(['by the way, nothing changed', 'Von heute an gilt das Gesetz'])('keeps a sentence that starts like a byline: %s', (text) => {
    expect(isBylineText(text, [])).toBe(false);
  });

  it.each(['At least 25 fighters were killed in the strikes.', 'On Friday, 300 people marched.', 'In 2024'])('keeps a sentence with dates: %s', (text) => {
    expect(isDateOnly(text) || isBylineText(text, [])).toBe(false);
  });

  it('removes a left-over byline and dateline near the top, not further down', () => {
    const $ = fragment('<address>Rhiannon Pryce Health correspondent</address><details><summary>Fri 19 Jul 2024 12.42 BST</summary>First published on Fri 19 Jul 2024 12.42 BST</details><p>Story text.</p><p>More.</p><p>Rhiannon Pryce is our health correspondent.</p><p>Fri 19 Jul 2024</p>');
    cleanChrome($, { authors: ['Rhiannon Pryce'] });
    expect(blockText($.root().children().toArray())).toBe('Story text.\n\nMore.\n\nRhiannon Pryce is our health correspondent.\n\nFri 19 Jul 2024');
  });

  it.each([
    'LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández en el MDC de Nueva York',
    'Lire aussi : la réforme des retraites',
    'Czytaj także: Nowe przepisy',
    'Titelbild: Geyres Christophe/ABACA/picture-alliance',
    '. Imagen: Télam',
    'Son tres los periodos de vacaciones durante el año escolar. Foto: Andina',
    'Premio Nobel de la Paz (REUTERS/Denis Balibouse)',
    '(Quelle: Fleischmann/Unsplash/DJV)',
    'FEI/Christophe Taniere',
    'To view the full story, please subscribe to The Daily. You can choose an annual subscription or a weekly pass.',
    'If you’re seeing this message but you’re already a subscriber, you can log in for immediate access to this story.',
    'Sie sind aktuell nicht eingeloggt.',
    '3 Kommentare',
    '- Anzeige -',
    // a caption left as a paragraph, ending with its copyright credit, or with the credit glued to its last word
    'Vertreter der Verfassungsorgane bei einer Kranzniederlegung am Holocaust-Mahnmal © Presse- und Informationsamt | Jesco Denzel',
    '(© FEI/Christophe Taniere)',
    '© 2020 ®/TM General Mills All Rights Reserved',
    'Alexander Zverev steht im Viertelfinale des ATP-TurniersBild: AFP/SID/PASCAL GUYOT',
    // notices every article of a site carries
    'For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.',
    'Get the latest news straight to your phone with the VI Consortium app.',
    'Keine Neuigkeiten mehr verpassen: Abonnieren Sie kostenlos die MEEDIA-Newsletter und bleiben Sie auf dem Laufenden.',
    'Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze rozpowszechnianie artykułu za zgodą wydawcy.',
    'Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.',
    'The views expressed in this article are those of the author and do not necessarily reflect the position of the site.',
    'NOTE: The advertising disclaimer below does not apply to this article.',
    'Bei diesem Beitrag handelt es sich um ein Blog aus der Community',
    'Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.',
    'Hier können Sie den Artikel bewerten',
    'Den Artikel mit anderen teilen/diskutieren:',
    'Ihr Warenkorb ist leer',
    'Der Artikel wurde erfolgreich hinzugefügt.',
    'Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!',
    'Kommentare insgesamt: 0',
    'Rezept drucken Bei Pinterest speichern',
    'Dieser Beitrag stammt aus Ausgabe 7/2019 der Technology Review.',
    'Weitere Infos unter www.itfjuniors.de.',
    'Lesen Sie hier: Spielabbruch in der Kreisliga',
    'Firmen- und Beziehungsgeflecht der Cider Connection. Zum Vergrößern auf das Bild klicken. CC-BY-SA 2.0',
  ])('recognises chrome in many languages: %s', (text) => {
    expect(isVocabularyChrome(text)).toBe(true);
  });

  it.each([
    'Lire la suite du rapport, publié mardi, prend du temps.',
    'Die Polizei sucht Zeugen: Hinweise nimmt jede Dienststelle entgegen.',
    'The company, which makes input/output chips for the car industry, said its profit fell by a third in the quarter.',
    'Subscribers of the service complained that the full story of the outage was never told.',
    'Kommentare von Lesern zeigen, dass viele das Thema bewegt.',
    'Unser Leitbild: Nachhaltigkeit in allen Bereichen',
    'Ein neuer Boss wurde hinzugefügt, die Farbe der Ankündigungen wurde geändert.',
    'The app, available for iOS and Android, lets riders pay for a ticket before they board.',
    'Die Kommission gibt die Meinung der Mehrheit wieder, sagte sie.',
    'Die Marke © ist geschützt, sagte der Anwalt, und das seit vielen Jahren, wie jeder weiß, der sich mit dem Markenrecht in Deutschland und Europa beschäftigt hat.',
  ])('keeps article text that shares words with chrome: %s', (text) => {
    expect(isVocabularyChrome(text)).toBe(false);
  });

  it.each(['Auch interessant:', 'Das könnte Sie auch interessieren!', 'Zum Weiterlesen', 'Mehr zu Klima und Konsum', 'Über den Autor', 'Weitere Informationen:', 'Noticias relacionadas', 'Leggi anche', 'Top-15', 'meist-diskutiert', 'Vorschau auf den nächsten Artikel', 'Auch auf gofeminin.de', 'Audios et vidéos sur le sujet', 'Verwandte Themenbereiche', 'ERSCHIENEN IN', 'Ansprechpartnerin zum Thema:'])(
    'recognises a section label: %s',
    (text) => {
      expect(isSectionLabel(text)).toBe(true);
    },
  );

  it('removes two labels of one box and the link list under them', () => {
    const $ = fragment(`<p>${'Story text goes on. '.repeat(10)}</p><h3>Top-15</h3><h3>meist-diskutiert</h3><ol><li><a href="/a">Eins</a></li><li><a href="/b">Zwei</a></li></ol><p>Closing words of the article, which are not links.</p>`);
    expect(cleanChrome($)).toBe(3);
    expect($('ol, h3')).toHaveLength(0);
  });

  it('removes a heading or a label with a colon that ends the body after the article text', () => {
    const $ = fragment(`<p>${'Story text goes on. '.repeat(10)}</p><p>Ein Ort, der mich zwiegespalten hat.</p><h2>Die Karte zum Abspeichern:</h2><p>Weitere Informationen zum Thema:</p>`);
    expect(cleanChrome($)).toBe(2);
    expect($.root().text()).not.toContain('Karte');
    expect($.root().text()).toContain('zwiegespalten');
  });

  it.each([
    'Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS',
    'IMPRESSUM | DATENSCHUTZ | COPYRIGHT ANDRÉ LOIBL',
    'Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei',
  ])('removes a row of short items between bars: %s', (row) => {
    const $ = fragment(`<p>${'Story text goes on. '.repeat(10)}</p><p>${row}</p>`);
    expect(cleanChrome($)).toBe(1);
  });

  it('keeps a sentence with a bar in it, and a directory tree drawn with bars', () => {
    const $ = fragment('<p>The vote was 5 | 4 in the end, and the council adjourned before the second reading of the bill could begin.</p><pre>pkg/ |-- a.py |-- b.py |-- tests/</pre><p><code>x | y | z</code></p>');
    expect(cleanChrome($)).toBe(0);
  });

  it('removes teasers that end with a "read more" link, and the teaser above a "weiter lesen" link standing alone', () => {
    const $ = fragment(
      `<p>${'Story text goes on. '.repeat(10)}</p><p>Sommerzeit ist Urlaubszeit. Seht selbst! <a href="/b">Weiterlesen</a></p><p>CDU gegen Erhöhung für Zoo-Eintritt. Die Fraktion ist verärgert.</p><p><a href="/z">weiter lesen</a></p>`,
    );
    expect(cleanChrome($)).toBe(3);
    expect($.root().text()).not.toMatch(/Sommerzeit|Zoo/);
  });

  it('keeps the paragraph above a single "read more" link (an excerpt of the article itself)', () => {
    const $ = fragment(`<p>${'Story text goes on. '.repeat(10)}</p><p>The last paragraph of the excerpt.</p><p><a href="/full">Read more</a></p>`);
    expect(cleanChrome($)).toBe(1);
    expect($.root().text()).toContain('The last paragraph');
  });

  it('keeps a body that is one excerpt ending with "Continue reading"', () => {
    const $ = fragment(`<p>${'The excerpt of the post goes on. '.repeat(8)}<a href="/post">Continue reading</a></p>`);
    expect(cleanChrome($)).toBe(0);
  });

  it('keeps headings that end a page of pictures with no article text', () => {
    const $ = fragment('<h2>Test Case 1</h2><p><img src="https://x/1.jpg"></p><h2>Test Case 2</h2>');
    expect(cleanChrome($)).toBe(0);
  });

  it('removes a section label and the link list after it, and keeps the text that follows the links', () => {
    const $ = fragment('<p>Story text.</p><p>Auch interessant:</p><p><a href="/a">14 Tipps für mehr Follower</a></p><p><a href="/b">Die neun erfolgreichsten Tweets</a></p><p>Closing words of the article, which are not links.</p>');
    expect(cleanChrome($)).toBe(3);
    expect(blockText($.root().children().toArray())).toBe('Story text.\n\nClosing words of the article, which are not links.');
  });

  it('removes a "read also" blockquote made of a label and a link, not a quoted excerpt', () => {
    const $ = fragment('<p>Story.</p><blockquote><b>PUEDES VER: </b><a href="/x">¿Cómo sacar mi certificado?</a></blockquote><blockquote><p>Lee también el informe completo, dijo.</p></blockquote>');
    expect(cleanChrome($)).toBe(1);
    expect($('blockquote')).toHaveLength(1);
  });

  it('removes the run of links that ends the body (other articles), with the label above it', () => {
    const $ = fragment('<p>Story text that is long enough to be a paragraph of the article itself.</p><p>Last words, with <a href="/src">a source</a>.</p><h3>Mehr lesen:</h3><p><a href="/a">Kohlmann: Als nächstes gewinnen wir</a></p><p><a href="/b">DTB nominiert Nachwuchsteams</a></p>');
    expect(cleanChrome($)).toBe(3);
    expect(blockText($.root().children().toArray())).toBe('Story text that is long enough to be a paragraph of the article itself.\n\nLast words, with a source.');
  });

  it('keeps one link at the end of the body, and links followed by text', () => {
    const $ = fragment('<p>Story text.</p><p><a href="/a">The full report</a></p>');
    expect(cleanChrome($)).toBe(0);
    const $$ = fragment('<p>Story text.</p><p><a href="/a">One</a></p><p><a href="/b">Two</a></p><p>The article goes on after them.</p>');
    expect(cleanChrome($$)).toBe(0);
  });

  it('removes a list of links under a promo label of its own', () => {
    const $ = fragment('<p>Story text.</p><ul><span>Artikel und Videos zum Thema</span><li><a href="/a">Gegen Peking: Tibeter protestieren</a></li><li><a href="/b">Spitzensport live</a></li></ul><p>More story.</p><ul><li><a href="/c">A link the article lists</a></li></ul><p>End.</p>');
    expect(cleanChrome($)).toBe(1);
    expect($('ul')).toHaveLength(1);
  });

  it('removes the author box that ends a post: "Über Name" heading, author-page link or avatar, and the bio', () => {
    const story = '<p>Story text, long enough to be the article, about baking a lemon cake on a tray.</p><p>The end of the recipe.</p>';
    const about = fragment(`${story}<h3>Über <span>Kathrin</span></h3><p>Hallo, ich bin Foodbloggerin und Backbuchautorin.</p>`);
    expect(cleanChrome(about)).toBe(2);
    const linked = fragment(`${story}<h4><a href="https://example.com/blog/author/ibr/">Isabella Beyer</a></h4><p>Als Content Marketing Managerin betreue ich den Blog.</p>`);
    expect(cleanChrome(linked)).toBe(2);
    const avatar = fragment(`${story}<p><img src="https://secure.gravatar.com/avatar/1305?s=100"></p><p>Patrick Ludolph, Fotograf aus Hamburg.</p>`);
    expect(cleanChrome(avatar)).toBe(2);
    expect(blockText(avatar.root().children().toArray())).toBe('Story text, long enough to be the article, about baking a lemon cake on a tray.\n\nThe end of the recipe.');
  });

  it('keeps a section about a place or a thing, and a heading "About" in the middle of the article', () => {
    const $ = fragment('<p>Story.</p><h3>Über Berlin</h3><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p>');
    expect(cleanChrome($)).toBe(0);
    const lower = fragment('<p>Story.</p><h3>über den Fluss</h3><p>The river runs north.</p>');
    expect(cleanChrome(lower)).toBe(0);
  });

  it('removes datelines, author labels and licence lines at the end of the body, and a date alone in <time>', () => {
    const $ = fragment('<p><time datetime="2020-10-07"> 7. oktober 2020 </time></p><p>Story text of the article.</p><p>More story.</p><p>This entry was posted in <a href="/c">Allgemein</a>.</p><p><b>Aktualisiert am </b>17.01.2021.</p><p><b>Von:</b></p><p>Götz Warnke</p>');
    expect(cleanChrome($)).toBe(5);
    expect(blockText($.root().children().toArray())).toBe('Story text of the article.\n\nMore story.');
    const licence = fragment('<p>Story.</p><p>Dieser Text wurde veröffentlicht unter der Lizenz <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>.</p>');
    expect(cleanChrome(licence)).toBe(1);
  });

  it('keeps the times of a live blog\'s entries', () => {
    const $ = fragment('<p>Summary.</p><p><time datetime="2023-11-08T05:41:00Z">12.41am EST</time></p><h2>Victory</h2><p>Entry.</p><p><time datetime="2023-11-08T05:12:00Z">12.12am EST</time></p><p>Earlier entry.</p>');
    expect(cleanChrome($)).toBe(0);
  });

  it('keeps a dated sentence, a time inside a sentence, and "Von" that starts a sentence at the end', () => {
    const $ = fragment('<p>Story.</p><p><time datetime="PT15M">15 – 30 Min</time></p><p>The law was <time>updated on 3 March 2024</time> after the vote.</p><p>Von:</p><p>Berlin aus fahren die Züge wieder, sagte die Bahn am Montagabend in einer Mitteilung an alle Kunden.</p>');
    expect(cleanChrome($)).toBe(0);
  });

  it('removes chrome blocks and promo lists, never blockquotes', () => {
    const $ = fragment('<p>Story text.</p><p>Join the conversation!</p><h3>Related Posts</h3><ul><li><a href="/a">A</a></li></ul><blockquote><p>Thanks for sharing!</p></blockquote>');
    expect(cleanChrome($)).toBe(3);
    expect($.root().text()).toBe('Story text.Thanks for sharing!');
  });
});

describe('sanitizeBody', () => {
  it('removes scripts, event handlers, iframes, styles and javascript: links', () => {
    const html = sanitizeBody(
      '<p onclick="x()" style="color:red">Hi <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">ok</a></p><script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src="https://x/i.png" onerror="y()">',
    );
    expect(html).not.toMatch(/script|onclick|onerror|style=|iframe|javascript:/i);
    expect(html).toContain('<a href="https://ok.example/">ok</a>');
    expect(html).toContain('<img src="https://x/i.png" />');
  });

  it('keeps the classes of embed figure parts, and no other classes', () => {
    const html = sanitizeBody('<figure class="chronicle-embed"><blockquote class="chronicle-embed-text x"><p class="chronicle-embed-author lead">a</p></blockquote><a class="chronicle-embed-link btn" href="https://t.example/">l</a></figure><p class="lead">b</p>');
    expect(html).toBe('<figure class="chronicle-embed"><blockquote class="chronicle-embed-text"><p class="chronicle-embed-author">a</p></blockquote><a class="chronicle-embed-link" href="https://t.example/">l</a></figure><p>b</p>');
  });

  it('keeps MathML equations, without their annotations or any attribute outside the allow-list', () => {
    const html = sanitizeBody(
      '<p>Energy: <math display="block" onclick="x()"><semantics><mrow><mi mathvariant="normal">E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></p>',
    );
    expect(html).toBe('<p>Energy: <math display="block"><semantics><mrow><mi mathvariant="normal">E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></semantics></math></p>');
  });

  it('keeps embed figures with their data attributes', () => {
    const html = sanitizeBody('<figure class="chronicle-embed other" data-chronicle-embed="0" data-provider="twitter" data-kind="post"><p>t</p></figure>');
    expect(html).toBe('<figure class="chronicle-embed" data-chronicle-embed="0" data-provider="twitter" data-kind="post"><p>t</p></figure>');
  });
});

describe('the second reading: the container that holds most of the prose', () => {
  const prose = (words: number, seed: string) => `${Array.from({ length: words }, (_, index) => `${seed}${index}`).join(' ')}.`;

  it('finds the tightest element holding most of the page prose, whatever its name', () => {
    const $ = cheerio.load(
      `<html><body><div class="top"><p>${prose(10, 'teaser')}</p></div><div class="wrap"><div class="inner"><p>${prose(80, 'story')}</p><p>${prose(80, 'more')}</p><p><a href="/x">${prose(40, 'link')}</a></p></div></div><div class="foot"><a href="/a">${prose(30, 'nav')}</a></div></body></html>`,
    );
    const dense = findDenseContainer($);
    expect(dense?.element.attribs.class).toBe('inner');
    expect(dense!.prose).toBe(dense!.pageProse);
  });

  it('finds a page without a <body> in its markup', () => {
    const $ = loadPage(`<div class="story"><p>${prose(80, 'alpha')}</p><p>${prose(80, 'beta')}</p></div>`);
    expect(findDenseContainer($)?.element.attribs.class).toBe('story');
  });

  it('never reads a comment thread or a list of long items as the article', () => {
    const thread = `<ul class="list">${Array.from({ length: 6 }, (_, index) => `<li><p>${prose(60, `c${index}x`)}</p></li>`).join('')}</ul>`;
    expect(findDenseContainer(cheerio.load(`<html><body><p>${prose(20, 'short')}</p>${thread}</body></html>`))).toBeNull();
    const named = `<div id="kommentare"><div>${Array.from({ length: 6 }, (_, index) => `<p>${prose(60, `k${index}x`)}</p>`).join('')}</div></div>`;
    expect(findDenseContainer(cheerio.load(`<html><body><p>${prose(20, 'short')}</p>${named}</body></html>`))).toBeNull();
  });

  it('never reads a grid of teasers (a linked headline over a sentence each) as the article', () => {
    const grid = Array.from({ length: 8 }, (_, index) => `<div><h3><a href="/s${index}">${prose(8, `h${index}x`)}</a></h3><p>${prose(22, `t${index}x`)}</p></div>`).join('');
    expect(findDenseContainer(cheerio.load(`<html><body><div class="highlights">${grid}</div></body></html>`))).toBeNull();
  });

  it('replaces a pick with little of the prose, or a pick that is one part of a container holding clearly more', () => {
    expect(pickFallsShort(400, 2000, () => false)).toBe(true);
    expect(pickFallsShort(1200, 2000, () => true)).toBe(true);
    expect(pickFallsShort(1200, 2000, () => false)).toBe(false);
    expect(pickFallsShort(1800, 2000, () => true)).toBe(false);
  });

  it('reads a pick as inside a container when nearly all its paragraphs are in the container text', () => {
    const container = `${prose(40, 'letter')} ${prose(30, 'names')}`;
    expect(isInside(fragment(`<div><div>${prose(30, 'names')}</div></div>`), container)).toBe(true);
    expect(isInside(fragment(`<p>${prose(30, 'names')}</p><p>${prose(30, 'elsewhere')}</p>`), container)).toBe(false);
    expect(isInside(fragment('<p>short</p>'), container)).toBe(false);
  });

  it('counts only paragraphs that are long and mostly not links', () => {
    const $ = fragment(`<p>${prose(40, 'p')}</p><p>short</p><p><a href="/a">${prose(30, 'l')}</a> x</p>`);
    expect(proseOf($)).toBe(prose(40, 'p').replace(/\s+/g, '').length);
  });
});
