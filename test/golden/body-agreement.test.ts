import { AGREEMENT_THRESHOLDS, bodyAgreement, htmlToText, wordsOf } from '../../src/tools/eval/body-agreement.js';
import { PassThrough } from 'node:stream';
import { postlightPageUrl, corpusDir, formatReadability, keyProviderRecall, runEval } from '../../src/tools/eval/run-eval.js';

describe('body agreement (npm run eval)', () => {
  it('reduces text to lower-cased words of any script, ignoring punctuation', () => {
    expect(wordsOf('“Hello,” she said — 42 times! Ça va? 量子')).toEqual(['hello', 'she', 'said', '42', 'times', 'ça', 'va', '量子']);
  });

  it('puts a space at block boundaries so words never run together, and skips scripts', () => {
    expect(htmlToText('<p>one</p><p>two<br>three</p><script>var x = 1;</script><div>four <b>fi</b>ve</div>')).toBe('one two three four five');
  });

  it('agrees when recall and precision reach the thresholds', () => {
    const reference = 'a b c d e f g h i j';
    const result = bodyAgreement(reference, `${reference} k l`);
    expect(result.recall).toBe(1);
    expect(result.precision).toBeCloseTo(10 / 12);
    expect(result.agrees).toBe(true);
  });

  it('disagrees when too much of the reference is missing', () => {
    const result = bodyAgreement('a b c d e f g h i j', 'a b c d e f g h');
    expect(result.recall).toBeCloseTo(0.8);
    expect(result.agrees).toBe(false);
  });

  it('disagrees when our body carries too much extra text (chrome)', () => {
    const result = bodyAgreement('a b c d', 'a b c d w x y z');
    expect(result.recall).toBe(1);
    expect(result.precision).toBe(0.5);
    expect(result.agrees).toBe(false);
  });

  it('counts repeated words as a multiset', () => {
    expect(bodyAgreement('the the the cat', 'the cat').commonWords).toBe(2);
  });

  it('treats two empty bodies as agreeing and one empty body as not', () => {
    expect(bodyAgreement('', '').agrees).toBe(true);
    expect(bodyAgreement('some words here', '').agrees).toBe(false);
    expect(bodyAgreement('', 'some words here').agrees).toBe(false);
  });

  it('documents its thresholds', () => {
    expect(AGREEMENT_THRESHOLDS).toEqual({ minRecall: 0.9, minPrecision: 0.8 });
  });

  it('maps postlight file names to page URLs and finds the corpus', () => {
    expect(postlightPageUrl('www.vox.com--feature.html')).toBe('https://www.vox.com/article');
    expect(corpusDir({ CHRONICLE_CORPUS: '/tmp/some-corpus' })).toBe('/tmp/some-corpus');
    expect(corpusDir({})).toMatch(/shared\/corpus$/);
  });

  it('reports the disagreeing pages in the readability table', () => {
    const agree = bodyAgreement('a b c', 'a b c');
    const disagree = bodyAgreement('a b c d e', 'a');
    const text = formatReadability([
      { slug: 'good-page', ours: agree, naive: agree, error: null },
      { slug: 'bad-page', ours: disagree, naive: agree, error: null },
    ]);
    expect(text).toContain('disagrees with expected.html on 1 of 2 pages');
    expect(text).toContain('bad-page');
    expect(text).not.toMatch(/^good-page/m);
  });

  it('sums tweet, Instagram and YouTube recall over the embeds inside the article body', () => {
    const line = keyProviderRecall({
      twitter: { expected: 10, found: 9, detected: 9, outside: 0 },
      youtube: { expected: 5, found: 4, detected: 4, outside: 1 },
      video: { expected: 7, found: 0, detected: 0, outside: 0 },
    });
    expect(line).toBe('twitter + instagram + youtube inside the article body: 13/14 = 92.9% (issue 3 target: ≥ 95%)');
  });

  it('skips with a clear message when the corpus is absent', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await runEval(out, { CHRONICLE_CORPUS: '/nonexistent/chronicle-corpus' });
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      'eval: corpus not found at /nonexistent/chronicle-corpus; skipping (set CHRONICLE_CORPUS to its path)\n',
    );
  });
});
