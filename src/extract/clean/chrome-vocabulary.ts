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
  'read (?:more|also|next)', 'also read', '(?:next|previous) (?:article|post|story)', 'most (?:commented|discussed)', 'see also', "don't miss", 'must read', 'keep reading',
  // German
  'auch interessant', 'ebenfalls interessant', 'das (?:könnte|dürfte) (?:dich|sie|ihnen|euch) (?:auch |ebenfalls )?interessieren',
  'das (?:könnte|dürfte) (?:dir|ihnen|euch) (?:auch )?gefallen', 'zum weiterlesen', 'weiterlesen', 'mehr zum thema',
  'mehr (?:zu|zum|über) [\\p{L} ]{1,40}', 'weitere (?:artikel|beiträge|themen|nachrichten|news|meldungen|texte|geschichten)(?: zum thema| aus der [\\p{L} ]{1,30})?(?: [\\p{L} ]{1,30})?',
  'schon gelesen', 'lesen sie (?:auch|mehr|hier)', 'auch lesen', 'neueste (?:artikel|beiträge)', 'ähnliche (?:artikel|beiträge|themen)',
  'verwandte (?:artikel|beiträge|themen|themenbereiche)', 'meist(?:-| )?(?:gelesen|diskutiert|kommentiert|geklickt)e?',
  '(?:vorschau auf den )?(?:nächsten|nächster|vorherigen|vorheriger) (?:artikel|beitrag)', 'auch auf [\\p{L}\\d.-]+\\.[a-z]{2,6}', 'beliebte (?:artikel|beiträge)', 'meistgelesen(?:e)?(?: artikel)?', 'empfehlungen(?: der redaktion)?',
  'mehr lesen', '(?:artikel|beiträge|videos|news|nachrichten)(?: und (?:videos|bilder|fotos))? zum thema', 'entdecke weitere [\\p{L} ]{1,30}', 'entdecken sie weitere [\\p{L} ]{1,30}', 'passend zum thema', 'dazu passend',
  // French
  'lire aussi', 'à lire aussi', 'a lire aussi', 'à lire également', 'voir aussi', 'sur le même (?:sujet|thème)', 'dans la même rubrique',
  'articles? similaires', 'les plus lus', '(?:audios? et )?vidéos? sur le (?:même )?sujet', 'article (?:suivant|précédent)', 'vous aimerez aussi', 'à découvrir aussi', 'nos articles',
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
  'über (?:den autor|die autorin|die autoren|uns)', 'zur person', 'kontakt', 'ansprechpartner(?:in)?(?: zum thema)?', 'erschienen in', 'weitere (?:informationen|infos)', 'mehr (?:informationen|infos)',
  'quellen(?:angaben)?', 'quelle', 'top[- ]?\\d{1,2}', 'zusatzinformationen', 'teilen', 'diesen artikel teilen',
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
  // a licence ending the caption ("… Zum Vergrößern auf das Bild klicken. CC-BY-SA 2.0")
  /\bCC[- ]BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d\.\d)?\s*\.?$/u,
  // a copyright credit ending the caption ("… am Holocaust-Mahnmal © dpa | Name", "(© FEI/Christophe Taniere)")
  /©\s*[^©]{1,80}$/u,
];

/**
 * A caption that ends with a photo agency's name as its credit ("praca / ShutterStock", "… / dpa", "Bild via
 * Getty Images"): the agencies whose names credit pictures across the languages of the corpus.
 */
export const AGENCY_CREDIT_END =
  /(?:[/|©]|\bvia)\s*(?:shutterstock|getty ?images|istock(?:photo)?|adobe ?stock|stock\.adobe\.com|fotolia|dpa|afp|reuters|epa|imago|picture[- ]alliance|pixabay|unsplash|pexels|pap|ansa|efe|keystone|apa)(?:\s*\/\s*[^/()]{1,40})?\s*\)?\.?$/iu;

/** A caption that is only its label and an empty credit ("… haben einen guten Draht. Foto:"). */
export const EMPTY_CREDIT_END = /\b(?:foto|fotos|photo|bild|imagen|crédito|credit)\s*:\s*$/iu;

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
  /^(?:rezept|artikel|seite|recipe|page|article) (?:drucken|print)(?: (?:bei |auf |on )?pinterest (?:speichern|merken)| pin(?: it)?| save)?$/i,
  /^(?:print|imprimir|imprimer|stampa) (?:recipe|(?:la )?receta|(?:la )?recette|(?:la )?ricetta)$/i,
  /^[-–—*\s]*(?:anzeige|werbung|advertisement|publicité|publicidad|pubblicità|reklama|advertentie)\s*[-–—*:|]/i,
];

/**
 * Notices a site puts in every article, in a short block: app and newsletter promos, the rights line, opinion and
 * advertising disclaimers, cookie and consent placeholders, rating and share prompts, shop notices, counters.
 */
export const PAGE_NOTICES = [
  // app promos: "… download the Nationnews apps for iOS and Android", "… straight to your phone with the … app"
  /\b(?:download|get|install|lade|laden sie|hol dir|holen sie sich|descarga|descargue|télécharge[zr]?|scarica|baixe|pobierz)\b.{0,60}\b(?:ios|iphone|ipad)\b.{0,15}\b(?:and|und|y|et|e|oder|or|i|en|og|och|&)\s+android\b/i,
  /\b(?:straight|directly|right) to your (?:phone|device|mobile|inbox)\b/i,
  // newsletter sign-ups
  /\b(?:abonnieren sie|abonniere|abonniert|bestellen sie|melden sie sich|registrieren sie sich)\b.{0,50}\bnewsletter\b/i,
  /\bnewsletter\b.{0,30}\b(?:abonnieren|bestellen|anmelden)\b/i,
  /\b(?:inscrivez-vous|abonnez-vous)\b.{0,30}\b(?:newsletter|lettre d'information)\b/i,
  /\b(?:suscr[ií]bete|suscr[ií]base|iscriviti|inscreva-se|zapisz się|schrijf je in|meld je aan)\b.{0,40}\b(?:newsletter|bolet[ií]n|nieuwsbrief)\b/i,
  // the rights line
  /\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone|alle rechten voorbehouden|alle rettigheder forbeholdes|alla rättigheter förbehållna)\b/iu,
  // opinion and advertising disclaimers, guest and community posts
  /\b(?:gibt|geben|spiegelt|spiegeln) (?:ausschließlich )?(?:die )?(?:persönliche )?(?:meinung|ansicht)(?:en)? (?:des|der) (?:autors|autorin|autor\*in|verfassers|verfasserin)\b/i,
  /\bdo(?:es)? not necessarily (?:reflect|represent) the (?:views|opinions?|position)\b/i,
  /\b(?:the )?(?:views|opinions) expressed (?:here |in this (?:article|post|column|piece) )?are (?:those|solely|the author)/i,
  /\b(?:advertising|affiliate) disclaimer\b/i,
  /^bei diese[mr] (?:beitrag|text|artikel) handelt es sich um (?:einen|ein|eine) (?:blog|gastbeitrag|leserbeitrag|community)/i,
  // cookie and consent placeholders of embedded content
  /\bohne (?:dein|ihr|euer) (?:einverständnis|zustimmung)\b/i,
  /\b(?:we use|this (?:site|website) uses|diese (?:website|webseite|seite) (?:verwendet|nutzt)|ce site utilise|este sitio (?:web )?utiliza|questo sito utilizza) cookies\b/i,
  /\b(?:by (?:loading|clicking|playing|accepting)|if you (?:load|click|play))\b.{0,80}\byou (?:agree|accept|consent)\b/i,
  // rating and share prompts
  /^(?:hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|(?:bewerten sie|bewerte) (?:den|diesen) (?:artikel|beitrag)|(?:artikel|beitrag) bewerten|rate this (?:article|post|story|recipe))\b/i,
  /^(?:den |diesen )?(?:artikel|beitrag) (?:mit anderen )?(?:teilen|empfehlen)\b/i,
  // shop notices: an empty cart, an item added, a listing's count
  /^(?:ihr|dein) (?:warenkorb|einkaufswagen) ist leer\b|^your (?:shopping )?(?:cart|basket|bag) is empty\b|^votre panier est vide\b|^(?:tu|su) (?:carrito|cesta) está vac[ií]/i,
  /\b(?:wurde|wurden) (?:erfolgreich )?(?:zum|in den|ihrem|deinem) (?:warenkorb|einkaufswagen|merkzettel) hinzugefügt\b|^(?:der )?artikel wurde erfolgreich hinzugefügt\b|\badded to (?:your )?(?:shopping )?(?:cart|basket|bag)\b/i,
  /^(?:es werden (?:die )?\p{L}+ \d+ bis \d+ von (?:insgesamt )?\d+|showing \d+\s*[–-]\s*\d+ of \d+|zeige \d+ bis \d+ von \d+)\b/iu,
  // where the article was printed first: "Dieser Beitrag stammt aus Ausgabe 7/2019 der …", "This article appeared in the May issue"
  /^(?:dieser|der) (?:beitrag|artikel|text) (?:stammt aus|erschien (?:zuerst )?in) (?:der )?(?:ausgabe|heft)\b/i,
  /^this (?:article|story|piece) (?:first )?appeared in (?:the )?[\p{L}\d ]{0,30}(?:issue|edition)\b/iu,
  // a pointer for more: "Weitere Infos unter www.itfjuniors.de."
  /^(?:weitere|mehr) (?:infos?|informationen) (?:unter|auf|bei)\s+(?:https?:\/\/|www\.)\S+$/i,
  /^(?:more (?:info|information) (?:at|on)|plus d'informations? sur|más información en)\s+(?:https?:\/\/|www\.)\S+$/i,
  // comment counters: "Kommentare insgesamt: 0", "Comments: 3"
  /^(?:kommentare|comments|commentaires|comentarios|commenti)(?: insgesamt| total)?\s*:\s*\d+$/i,
];
