/**
 * A synthetic news article: enough paragraphs of distinct prose for Readability to find a body.
 * Deterministic per `seed`, so the same URL always serves the same bytes.
 */
export function articleHtml(seed: string, options: { title?: string; paragraphs?: number } = {}): string {
  const title = options.title ?? `Council votes on harbour plan (${seed})`;
  const count = options.paragraphs ?? 6;
  const paragraphs: string[] = [];
  for (let index = 0; index < count; index++) {
    paragraphs.push(
      `<p>Paragraph ${index + 1} of the story ${seed}: the harbour committee met on Tuesday evening and ` +
        `debated the long-delayed plan for the eastern quay, which residents say has been promised for a decade. ` +
        `Officials said the vote, expected next month, would settle the matter of funding, dredging and the ` +
        `new ferry berth, while campaigners asked for more time to study the environmental report.</p>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta property="og:title" content="${title}">
<meta name="author" content="Ada Reporter">
<meta property="article:published_time" content="2026-01-15T09:30:00Z">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Ada Reporter</p>
${paragraphs.join('\n')}
</article>
</main>
<footer><p>Copyright The Harbour Gazette</p></footer>
</body>
</html>
`;
}
