import { SNAPSHOT_SCHEMA, type Snapshot } from '../../src/types.js';

export interface SnapshotOverrides {
  id?: string;
  url?: string;
  canonicalUrl?: string | null;
  fetchedAt?: string;
  meta?: Partial<Snapshot['meta']>;
  bodyText?: string;
  quotes?: Snapshot['quotes'];
  embeds?: Snapshot['embeds'];
  links?: Snapshot['links'];
}

/** A complete Snapshot with sensible defaults; tests override what they are about. */
export function makeSnapshot(overrides: SnapshotOverrides = {}): Snapshot {
  const bodyText = overrides.bodyText ?? 'First paragraph of the story.\n\nSecond paragraph with 25 fighters.';
  return {
    schema: SNAPSHOT_SCHEMA,
    id: overrides.id ?? '20260101T000000Z-aaaaaaaa',
    url: overrides.url ?? 'https://news.example/story',
    finalUrl: overrides.url ?? 'https://news.example/story',
    canonicalUrl: overrides.canonicalUrl === undefined ? 'https://news.example/story' : overrides.canonicalUrl,
    fetch: {
      fetchedAt: overrides.fetchedAt ?? '2026-01-01T00:00:00.000Z',
      status: 200,
      redirects: [],
      contentType: 'text/html',
      contentEncoding: null,
      charset: 'utf-8',
      bytes: 1000,
      sha256: 'ab'.repeat(32),
      elapsedMs: 5,
    },
    meta: {
      title: 'Headline',
      authors: ['Jane Doe'],
      siteName: 'Example News',
      publishedAt: '2026-01-01T00:00:00.000Z',
      modifiedAt: null,
      lang: 'en',
      description: 'A dek.',
      image: null,
      section: null,
      tags: [],
      ...overrides.meta,
    },
    body: {
      text: bodyText,
      html: bodyText
        .split(/\n\n/)
        .map((p) => `<p>${p}</p>`)
        .join(''),
      wordCount: bodyText.split(/\s+/).length,
    },
    quotes: overrides.quotes ?? [],
    embeds: overrides.embeds ?? [],
    images: [],
    links: overrides.links ?? [],
    digest: { content: 'sha256:0', raw: 'sha256:0' },
    warnings: [],
  };
}
