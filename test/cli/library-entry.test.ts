import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Runs against dist/ (built by `npm test`'s pretest), exactly as a user importing the package would.
describe("import { extractArticle } from 'chronicle'", () => {
  it('resolves through package.json exports and decodes bytes with the same charset rules', async () => {
    const script = `
      import { extractArticle, SNAPSHOT_SCHEMA } from 'chronicle';
      const words = 'The harbour festival drew “record” crowds — the mayor said so. '.repeat(12);
      const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Harbour</title></head><body><article><h1>Harbour</h1><p>' + words + '</p></article></body></html>';
      const bytes = Uint8Array.from(html, (c) => ({ '“': 0x93, '”': 0x94, '—': 0x97 })[c] ?? c.charCodeAt(0));
      const article = await extractArticle(bytes, { url: 'https://example.org/harbour?utm_source=x' });
      console.log(JSON.stringify({ schema: SNAPSHOT_SCHEMA, charset: article.charset, text: article.body.text.slice(0, 61) }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() });
    expect(JSON.parse(stdout)).toEqual({
      schema: 'chronicle.snapshot/1',
      charset: 'windows-1252',
      text: 'The harbour festival drew “record” crowds — the mayor said so',
    });
  });
});
