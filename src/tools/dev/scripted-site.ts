/**
 * A local news site whose articles exist only after scripts run (for the --render tests and benchmark):
 * /story/N serves a shell with a consent overlay (drawn by script), an empty app root and a script that fetches
 * /api/story/N.json after load and writes the article into the page; its images carry their real URL in
 * data-payload and get it as src only when scrolled into view (IntersectionObserver). A tracker script on
 * ads.localhost (Chromium resolves *.localhost to this machine) must be blocked by the browser.
 * /static/N is a plain server-rendered article.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedSite {
  origin: string;
  port: number;
  /** Requests per path so far. */
  hits(path: string): number;
  /** A paragraph added to the end of every story from now on (null: none), to make a new version. */
  setUpdate(text: string | null): void;
  /** Delays every /api/story response (fetched by the page's script in the browser) by this many ms, to keep renders in flight. */
  setDelayMs(ms: number): void;
  close(): Promise<void>;
}

const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export function storyParagraphs(n: number): string[] {
  return Array.from({ length: 6 }, (_, index) =>
    `Paragraph ${index + 1} of story ${n}: the storm surge overtopped the eastern quay before dawn, and the harbour master ` +
    `closed the port to all traffic while crews pumped water from the ferry terminal and inspected the breakwater for damage.`,
  );
}

function shell(n: number, port: number): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Storm closes the harbour (${n})</title>
<meta property="og:title" content="Storm closes the harbour (${n})">
<script src="http://ads.localhost:${port}/track.js"></script>
</head><body>
<main id="app"><div class="spinner" aria-busy="true"></div></main>
<script>
// A consent manager draws its overlay from script, as most do.
document.body.insertAdjacentHTML('afterbegin', '<div id="consent" style="position:fixed;inset:0;background:rgba(0,0,0,.8);z-index:10"><div style="background:#fff;margin:20% auto;width:400px;padding:20px"><p>We value your privacy. We and our 214 partners store cookies to personalise ads and measure audiences.</p><button>Accept all</button></div></div>');
addEventListener('load', () => setTimeout(async () => {
  const story = await (await fetch('/api/story/${n}.json')).json();
  const parts = ['<article><h1>' + story.title + '</h1><p class="byline">By ' + story.author + '</p>'];
  for (const text of story.paragraphs) parts.push('<p>' + text + '</p><div style="height:400px"></div>');
  parts.push('<figure><img alt="Flooded quay" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-payload="' + story.image + '" width="600" height="300"><figcaption>The flooded quay at dawn.</figcaption></figure></article>');
  document.getElementById('app').innerHTML = parts.join('');
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) { entry.target.src = entry.target.dataset.payload; observer.unobserve(entry.target); }
  });
  document.querySelectorAll('img[data-payload]').forEach((img) => observer.observe(img));
}, 30));
</script>
</body></html>`;
}

function staticPage(n: number): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quay repairs begin (${n})</title></head><body>
<article><h1>Quay repairs begin (${n})</h1>${storyParagraphs(n).map((text) => `<p>${text}</p>`).join('\n')}</article></body></html>`;
}

export async function startScriptedSite(): Promise<ScriptedSite> {
  const hits = new Map<string, number>();
  let delayMs = 0;
  let update: string | null = null;
  let port = 0;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (type: string, body: string | Buffer): void => {
      response.writeHead(200, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) }).end(body);
    };
    let match: RegExpExecArray | null;
    if ((match = /^\/story\/(\d+)$/.exec(path))) {
      const n = Number(match[1]);
      send('text/html; charset=utf-8', shell(n, port));
    } else if ((match = /^\/api\/story\/(\d+)\.json$/.exec(path))) {
      const n = Number(match[1]);
      const story = JSON.stringify({ title: `Storm closes the harbour (${n})`, author: 'Ada Reporter', paragraphs: [...storyParagraphs(n), ...(update === null ? [] : [update])], image: `/img/quay-${n}.png` });
      setTimeout(() => send('application/json', story), delayMs);
    } else if (/^\/img\/[\w-]+\.png$/.test(path)) {
      send('image/png', PNG_1x1);
    } else if ((match = /^\/static\/(\d+)$/.exec(path))) {
      send('text/html; charset=utf-8', staticPage(Number(match[1])));
    } else if (path === '/track.js') {
      send('text/javascript', 'window.tracked = true;');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits: (path) => hits.get(path) ?? 0,
    setUpdate: (text) => {
      update = text;
    },
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
