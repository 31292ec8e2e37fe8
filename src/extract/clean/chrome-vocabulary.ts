/**
 * Words that introduce site chrome inside an article container, in the languages of the pages Chronicle reads
 * (English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, the Nordic languages). Data only: the
 * rules that use them are in clean-chrome.ts.
 */

/**
 * Labels of "read also" / "related" promos. A block that is only such a label (a heading, or a short line)
 * goes with the link-dense blocks after it; a short line that starts with one ("LE PUEDE INTERESAR: …") goes.
 */
const PROMO_LABELS = [
  // English
  'related(?: (?:posts?|stories|articles?|content|news|links|reading|coverage))?', 'you (?:may|might|could) also (?:like|enjoy|be interested in)',
  'more (?:stories|articles|news|on this (?:topic|story)|from [\\p{L} ]{1,30})', 'recommended(?: for you| reading| stories)?',
  'trending(?: now| stories)?', 'popular(?: posts| now| stories)?', 'most (?:read|popular|viewed)', 'further reading',
  'read (?:more|also|next)', 'also read', 'see also', "don't miss", 'must read', 'keep reading',
  // German
  'auch interessant', 'ebenfalls interessant', 'das (?:könnte|dürfte) (?:dich|sie|ihnen|euch) (?:auch |ebenfalls )?interessieren',
  'das (?:könnte|dürfte) (?:dir|ihnen|euch) (?:auch )?gefallen', 'zum weiterlesen', 'weiterlesen', 'mehr zum thema',
  'mehr (?:zu|zum|über) [\\p{L} ]{1,40}', 'weitere (?:artikel|beiträge|themen|nachrichten|news|meldungen|texte|geschichten)(?: zum thema| aus der [\\p{L} ]{1,30})?(?: [\\p{L} ]{1,30})?',
  'schon gelesen', 'lesen sie (?:auch|mehr)', 'auch lesen', 'neueste (?:artikel|beiträge)', 'ähnliche (?:artikel|beiträge|themen)',
  'verwandte (?:artikel|beiträge|themen)', 'beliebte (?:artikel|beiträge)', 'meistgelesen(?:e)?(?: artikel)?', 'empfehlungen(?: der redaktion)?',
  'mehr lesen', '(?:artikel|beiträge|videos|news|nachrichten)(?: und (?:videos|bilder|fotos))? zum thema', 'entdecke weitere [\\p{L} ]{1,30}', 'entdecken sie weitere [\\p{L} ]{1,30}', 'passend zum thema', 'dazu passend',
  // French
  'lire aussi', 'à lire aussi', 'a lire aussi', 'à lire également', 'voir aussi', 'sur le même (?:sujet|thème)', 'dans la même rubrique',
  'articles? similaires', 'les plus lus', 'vous aimerez aussi', 'à découvrir aussi', 'nos articles',
  // Spanish
  'le puede interesar', 'te puede interesar', 'también te puede interesar', 'puede interesarte', 'puedes ver', 'lee también', 'lea también',
  'leer también', 'ver también', 'mira también', 'noticias relacionadas', 'artículos relacionados', 'más noticias', 'lo más leído', 'te recomendamos',
  // Italian
  'leggi anche', 'potrebbe interessarti', 'ti potrebbe interessare', 'articoli correlati', 'i più letti', 'più letti',
  // Portuguese
  'leia também', 'veja também', 'notícias relacionadas', 'mais lidas', 'você pode gostar',
  // Dutch
  'lees ook', 'lees meer', 'gerelateerde artikelen', 'meer nieuws',
  // Polish
  'czytaj (?:też|także|również)', 'zobacz (?:też|także|również)', 'polecamy', 'najczęściej czytane', 'powiązane artykuły',
  // Nordic
  'les også', 'läs också', 'læs også', 'relaterte artikler', 'relaterade artiklar',
];

/**
 * Labels of end-of-article furniture: about the author, contact boxes, sources and further information. A
 * block that is only such a label goes with the link-dense blocks after it (never as a prefix: "Kontakt" may
 * start a sentence).
 */
const SECTION_LABELS = [
  'about the authors?', 'about us', 'contact(?: us)?', 'more information', 'further information', 'sources?', 'share this(?: article| story| post)?',
  'über (?:den autor|die autorin|die autoren|uns)', 'zur person', 'kontakt', 'ansprechpartner(?:in)?', 'weitere (?:informationen|infos)', 'mehr (?:informationen|infos)',
  'quellen(?:angaben)?', 'quelle', 'zusatzinformationen', 'teilen', 'diesen artikel teilen',
  "à propos de l'auteur", "a propos de l'auteur", "plus d'informations?", 'en savoir plus', 'partager(?: cet article)?',
  'sobre el autor', 'más información', 'fuentes?', 'compartir(?: este artículo)?',
  "sull'autore", 'fonti', 'condividi', 'sobre o autor', 'mais informações', 'compartilhe', 'over de auteur', 'o autorze', 'źródło', 'źródła',
];

const ENDING = '\\s*[:.!?…»›>|-]*';

/** A whole block that is only a promo or section label. */
export const LABEL_ONLY = new RegExp(`^(?:${[...PROMO_LABELS, ...SECTION_LABELS].join('|')})${ENDING}$`, 'iu');

/** A block that starts with a promo label, separator or not (a list of links under its label: "Zum Thema <li>…"). */
export const PROMO_START = new RegExp(`^(?:${PROMO_LABELS.join('|')})(?![\\p{L}\\d])`, 'iu');

/** A block that starts with a promo label and a separator ("Lire aussi : …", "PUEDES VER: …"). */
export const PROMO_PREFIX = new RegExp(`^(?:${PROMO_LABELS.join('|')})\\s*[:»›>|–—-]`, 'iu');

/** Photo credits standing alone: "Titelbild: A/B", "Imagen: Télam", "(Quelle: X/Unsplash)", "Foto: dpa". */
export const PHOTO_CREDIT =
  /^[\s.(|]*(?:foto|fotos|photo|photos|photograph|bild|bilder|titelbild|headerbild|beitragsbild|imagen|imágenes|image|images|crédito|créditos|credit|credits|photo credit|bildquelle|bildnachweis|quelle|source|fonte|źródło|zdjęcie|fot\.|kuva|billede)\s*(?:[:©]|\/\/)/iu;

/**
 * A short caption left as a paragraph, recognised by the credit it ends with: "… Foto: Andina",
 * "… (REUTERS/Denis Balibouse)", "(Quelle: Fleischmann/Unsplash/DJV)", "… Mahnmal © dpa | Kay Nietfeld".
 */
export const CAPTION_CREDIT_END = [
  /\b(?:foto|fotos|photo|photos|imagen|bild|crédito|credit|quelle|fuente|source)\s*:\s*[^:;!?]{1,60}$/iu,
  /\((?:(?:[Ff]oto|[Pp]hoto|[Bb]ild|[Qq]uelle|[Cc]rédito|[Cc]redit|[Ff]uente)\s*:\s*)?[\p{Lu}][\p{L}.&-]*(?:\s[\p{L}.&-]+){0,3}\/[^()]{1,60}\)\s*\.?$/u,
  // the credit glued to the caption's last word ("… des ATP-TurniersBild: AFP/SID")
  /\p{Ll}(?:Foto|Fotos|Bild|Photo|Quelle):\s*[^:;!?]{1,60}$/u,
  // a copyright credit ending the caption ("… am Holocaust-Mahnmal © dpa | Name", "(© FEI/Christophe Taniere)")
  /©\s*[^©]{1,80}$/u,
];

/** A credit line alone: agency and photographer joined by a slash ("FEI/Christophe Taniere", "aja/PAP"). */
export const SLASH_CREDIT = /^©?\s*\p{L}[\p{L}.&-]*(?:\s[\p{L}.&-]+){0,2}\/\p{L}[\p{L}.&-]*(?:\s[\p{L}.&-]+){0,2}$/u;

/** Paywall and subscription appeals, and log-in prompts. */
export const PAYWALL = [
  /\b(?:to (?:view|read|continue reading) (?:the|this) (?:full|whole|rest of the) (?:story|article))\b/i,
  /\bsubscribe (?:now|today)?\s*(?:to|for) .{0,60}\bfull (?:story|article)\b/i,
  /\balready a (?:subscriber|member)\b.{0,60}\b(?:log ?in|sign in)\b/i,
  /\b(?:first-time|new) subscribers\b/i,
  /^sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)\b/i,
  /\b(?:loggen sie sich|melden sie sich) (?:bitte )?(?:ein|an)\b.{0,40}$/i,
  /^(?:kommentare|comments?|commentaires|comentarios|commenti) (?:sind |are |sont |están )?(?:geschlossen|closed|fermés|cerrados|chiusi)\.?$/i,
  /^\d+\s+(?:kommentare?|commentaires?|comentarios?|commenti|comentários|reacties|komentarz[ey]?|kommentarer)$/i,
  /^(?:rezept|artikel|seite|recipe|page|article) (?:drucken|print)$/i,
  /^(?:print|imprimir|imprimer|stampa) (?:recipe|(?:la )?receta|(?:la )?recette|(?:la )?ricetta)$/i,
  /^[-–—*\s]*(?:anzeige|werbung|advertisement|publicité|publicidad|pubblicità|reklama|advertentie)\s*[-–—*:|]/i,
];
