/** Hosts that serve ads, ad players and trackers: their frames and media are never embeds. */

const AD_HOSTS =
  /(^|\.)(doubleclick\.net|googlesyndication\.com|googleadservices\.com|googletagmanager\.com|google-analytics\.com|imasdk\.googleapis\.com|2mdn\.net|amazon-adsystem\.com|adnxs\.com|adsafeprotected\.com|moatads\.com|criteo\.(com|net)|taboola\.com|outbrain\.com|pubmatic\.com|rubiconproject\.com|openx\.net|scorecardresearch\.com|quantserve\.com|chartbeat\.(com|net)|addthis\.com|sharethis\.com|disqus\.com|ghbtns\.com|zergnet\.com|revcontent\.com|mgid\.com|teads\.tv|spotxchange\.com|springserve\.com|serving-sys\.com|adform\.net|smartadserver\.com|yieldmo\.com|sharethrough\.com|bidswitch\.net|casalemedia\.com|liadm\.com|krxd\.net|bluekai\.com|demdex\.net|everesttech\.net|extremereach\.io|vi-serve\.com|connatix\.com|primis\.tech|aniview\.com|ex\.co|playwire\.com)$/i;

export function isAdHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return AD_HOSTS.test(host) || /^(ad|ads|adserver|adx|pixel|track|tracking|beacon)\d*\./i.test(host);
}
