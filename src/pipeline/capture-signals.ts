/**
 * What marks a failed capture, written as data (docs/content-digest.md, "Failed captures"). Markup
 * signals are matched against the raw page, phrases against its title, headings and extracted text.
 * No signal alone makes a wall: each rule in classify-capture.ts also asks that the article be missing,
 * short, or much shorter than the last good version, because real articles carry consent scripts,
 * challenge scripts and subscription prompts too.
 */

/** Bot challenges and block pages: Cloudflare, DataDome, PerimeterX/HUMAN, Imperva, Akamai, Sucuri, captchas. */
export const BLOCKED_MARKUP: readonly RegExp[] = [
  /\/cdn-cgi\/challenge-platform\//i,
  /\bcf[-_]chl[-_]/i,
  /id=["']?challenge-(?:form|running|stage|body-text)/i,
  /class=["'][^"']*\bcf-(?:browser-verification|error-details|turnstile|wrapper)\b/i,
  /captcha-delivery\.com/i,
  /\bpx-captcha\b/i,
  /_Incapsula_Resource|Incapsula incident ID/i,
  /sucuri_cloudproxy|Sucuri WebSite Firewall/i,
];

/** Captcha widgets: also in comment and contact forms of real articles, so they count only on a page with almost no text. */
export const CAPTCHA_MARKUP: readonly RegExp[] = [/\bg-recaptcha\b|\bh-captcha\b|hcaptcha\.com\/1\/api\.js/i];

/** Below this many words, a page with a captcha widget and nothing else is a challenge. */
export const CAPTCHA_MAX_WORDS = 40;

export const BLOCKED_PHRASES: readonly RegExp[] = [
  /\bjust a moment\b/i,
  /attention required!?\s*\|\s*cloudflare/i,
  /\bverify(?:ing)? (?:that )?you are (?:a )?human\b/i,
  /\bchecking (?:if the site connection is secure|your browser before accessing)\b/i,
  /\bare you a robot\b/i,
  /\baccess (?:to this page has been )?denied\b/i,
  /\bplease enable js and disable any ad blocker\b/i,
  /\bpress (?:&|and) hold\b/i,
  /\bpardon our interruption\b/i,
  /\brequest unsuccessful\b/i,
  /\bunusual traffic from your (?:computer )?network\b/i,
  /\btoo many requests\b/i,
  /\byou have been blocked\b/i,
  /\bddos protection by\b/i,
  /\benable (?:javascript|cookies) (?:and cookies )?to continue\b/i,
];

/** Consent platforms: Cookiebot, OneTrust, Quantcast Choice, Didomi, Sourcepoint, TrustArc, Usercentrics, Funding Choices, consentmanager, Yahoo/AOL GUCE, iubenda. */
export const CONSENT_MARKUP: readonly RegExp[] = [
  /CybotCookiebotDialog|consent\.cookiebot\.com/i,
  /onetrust-(?:banner-sdk|consent-sdk|pc-sdk)|optanon-alert-box|cdn\.cookielaw\.org/i,
  /qc-cmp2-(?:container|ui|main)|quantcast\.mgr\.consensu\.org|cmp\.quantcast\.com/i,
  /didomi-(?:host|popup|notice)|sdk\.privacy-center\.org/i,
  /sp_message_container|sp_message_iframe|sourcepoint/i,
  /truste_(?:box|overlay)|consent\.trustarc\.com/i,
  /usercentrics-root|app\.usercentrics\.eu/i,
  /fc-consent-root|fundingchoicesmessages\.google\.com/i,
  /\bcmpbox\b|consentmanager\.net/i,
  /guce\.(?:yahoo|aol)\.com|consent\.yahoo\.com|consent\.google\.com/i,
  /iubenda-cs-banner/i,
];

export const CONSENT_PHRASES: readonly RegExp[] = [
  /\bwe value your privacy\b/i,
  /\bbefore you continue\b/i,
  /\bwe and our (?:\d+ )?(?:partners|vendors)\b/i,
  /\b(?:accept|allow) all(?: cookies)?\b/i,
  /\b(?:manage|customi[sz]e) (?:cookies|preferences|options|settings)\b/i,
  /\bthis (?:site|website) uses cookies\b/i,
  /\bstore and\/or access information on a device\b/i,
  /\bwir verwenden cookies\b|\balle akzeptieren\b|\bzustimmen und weiter\b/i,
  /\bnous utilisons des cookies\b|\btout accepter\b|\bvos choix en matière de cookies\b/i,
  /\butilizamos cookies\b|\baceptar todas?\b/i,
];

/** Subscription walls: Piano/Tinypass, metering, registration walls, and their prompts. */
export const PAYWALL_MARKUP: readonly RegExp[] = [
  /"isAccessibleForFree"\s*:\s*(?:false|"false"|"False")/,
  /\btp-(?:modal|backdrop|container-inner|iframe-wrapper)\b|tinypass\.com|cdn\.piano\.io|experience\.piano\.io/i,
  /class=["'][^"']*\b(?:paywall|pay-wall|regwall|meteredContent|subscriber-only|premium-(?:content|article|wall)|article-locked|paywall-(?:prompt|container|wrapper)|piano-(?:offer|paywall|container))\b/i,
  /<meta[^>]+name=["']?(?:article:content_tier|content_tier)["']?[^>]+content=["']?(?:locked|metered)/i,
];

export const PAYWALL_PHRASES: readonly RegExp[] = [
  /\bsubscribe (?:now )?to (?:continue|keep) reading\b/i,
  /\bto (?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in|register)\b/i,
  /\balready (?:a subscriber|subscribed|have an account)\??\b/i,
  /\bthis (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)\b/i,
  /\bsubscribers only\b|\bexclusive to subscribers\b|\bfor subscribers\b/i,
  /\bcreate a free account to (?:continue|read)\b/i,
  /\bréservé aux abonnés\b|\babonnez-vous\b|\bil vous reste \d+% de cet article à lire\b/i,
  /\bjetzt (?:abonnieren|weiterlesen)\b|\bexklusiv für abonnenten\b|\bdieser artikel ist nur für abonnenten\b/i,
  /\bsuscríbete\b|\bcontenido exclusivo para suscriptores\b|\bya soy suscriptor\b/i,
];

/** Error pages served with 200: "page not found" and its kin, in the languages Chronicle reads. */
export const ERROR_PAGE_PHRASES: readonly RegExp[] = [
  /\b(?:page|article|story|content) (?:was )?not found\b/i,
  /\b(?:error|erreur|fehler) 404\b|^\s*404\b|\b404\s*[-–|:]\s*\w/i,
  /\b(?:this|the) page (?:you (?:requested|were looking for|are looking for) )?(?:does ?n[o']t|could ?n[o']t be found|no longer) exists?\b/i,
  /\bwe (?:can(?:no|')t|could ?n[o']t) find (?:the|that|this) page\b/i,
  /\bpage (?:introuvable|non trouvée)\b|\bcette page n'existe (?:pas|plus)\b/i,
  /\bseite (?:nicht gefunden|wurde nicht gefunden|existiert nicht)\b/i,
  /\bpágina no (?:encontrada|existe)\b|\bno (?:hemos podido|se ha podido) encontrar la página\b/i,
  /\bnothing (?:was )?found (?:here|at this (?:address|location))\b/i,
];

/** A page this short (words of the extracted body) cannot be the article a wall stands in for. */
export const WALL_MAX_WORDS = 250;
/** A consent or paywall capture this much shorter than the last good version is the wall, not an edit. */
export const SHORTER_THAN_PREVIOUS = 0.5;
/** A body this much shorter than JSON-LD articleBody (with a paywall signal) is a teaser. */
export const SHORTER_THAN_ARTICLE_BODY = 0.5;
/** A document cut off (no </body> or </html>) and this much shorter than the last good version is truncated. */
export const TRUNCATED_BELOW_PREVIOUS = 0.7;
