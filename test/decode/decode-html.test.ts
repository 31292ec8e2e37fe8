import { charsetFromContentType, decodeHtml } from '../../src/decode/decode-html.js';
import { extractArticle } from '../../src/extract/extract-article.js';

const SHIFT_JIS_SENTENCE = '東京で新しい駅が開業した。「便利になる」と市長は語った。';
const SHIFT_JIS_BYTES = Buffer.from(
  '938c8b9e82c5905682b582a2897782aa8a4a8bc682b582bd8142817595d6979882c982c882e9817682c68e7392b782cd8cea82c182bd8142',
  'hex',
);

function page(head: string, bodyBytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body><p>`, 'latin1'), bodyBytes, Buffer.from('</p></body></html>', 'latin1')]);
}

describe('decodeHtml (WHATWG encoding sniffing)', () => {
  it('decodes windows-1252 declared only in <meta http-equiv>, curly quotes intact', () => {
    const bytes = page(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
      Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x97, 0x20, 0x63, 0x61, 0x66, 0xe9]),
    );
    const decoded = decodeHtml(bytes, 'text/html');
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.charsetSource).toBe('meta');
    expect(decoded.text).toContain('“Hi” — café');
  });

  it('treats iso-8859-1 labels as windows-1252, as browsers do', () => {
    const decoded = decodeHtml(page('<meta charset="iso-8859-1">', Buffer.from([0x93, 0x78, 0x94])), null);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toContain('“x”');
  });

  it('decodes Shift_JIS from the Content-Type header', () => {
    const decoded = decodeHtml(page('', SHIFT_JIS_BYTES), 'text/html; charset=Shift_JIS');
    expect(decoded.charset).toBe('Shift_JIS');
    expect(decoded.charsetSource).toBe('header');
    expect(decoded.text).toContain(SHIFT_JIS_SENTENCE);
  });

  it('decodes Shift_JIS from <meta charset>', () => {
    const decoded = decodeHtml(page('<meta charset="shift_jis">', SHIFT_JIS_BYTES), 'text/html');
    expect(decoded.charset).toBe('Shift_JIS');
    expect(decoded.text).toContain(SHIFT_JIS_SENTENCE);
  });

  it('lets the header win over <meta>, and a BOM win over both', () => {
    const utf8 = Buffer.from('<meta charset="windows-1252"><p>naïve</p>', 'utf8');
    expect(decodeHtml(utf8, 'text/html; charset=utf-8').text).toContain('naïve');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const decoded = decodeHtml(withBom, 'text/html; charset=windows-1252');
    expect(decoded.charsetSource).toBe('bom');
    expect(decoded.charset).toBe('UTF-8');
    expect(decoded.text).toContain('naïve');
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('falls back to UTF-8 for undeclared valid UTF-8 and to detection (here windows-1252) otherwise', () => {
    const utf8 = decodeHtml(Buffer.from('<p>Zürich — “quoted”</p>', 'utf8'));
    expect(utf8).toMatchObject({ charset: 'UTF-8', charsetSource: 'sniff' });
    expect(utf8.text).toContain('Zürich — “quoted”');
    const legacy = decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x61, 0x94]));
    expect(legacy).toMatchObject({ charset: 'windows-1252', charsetSource: 'detected', guessed: true });
    expect(legacy.text).toBe('<p>“a”');
  });

  it('reads UTF-8 bytes as UTF-8 when only a <meta> names a legacy encoding (a page re-saved as UTF-8)', () => {
    const sentence = '谷歌在2014年收购的人工智能公司DeepMind开发出一款计算机。';
    const resaved = decodeHtml(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', Buffer.from(sentence, 'utf8')), 'text/html');
    expect(resaved).toMatchObject({ charset: 'UTF-8', charsetSource: 'sniff' });
    expect(resaved.text).toContain(sentence);
    // Still the declared encoding when the bytes are not UTF-8 (real GBK), when they are plain ASCII (ISO-2022-JP
    // is 7-bit), and whenever the header names it.
    const gbk = decodeHtml(page('<meta charset="gb2312">', Buffer.from('b9c8b8e8', 'hex')), null);
    expect(gbk).toMatchObject({ charset: 'GBK', charsetSource: 'meta' });
    expect(gbk.text).toContain('谷歌');
    const jis = decodeHtml(page('<meta charset="iso-2022-jp">', Buffer.from('1b24423f3731581b2842', 'hex')), null);
    expect(jis).toMatchObject({ charset: 'ISO-2022-JP', charsetSource: 'meta' });
    expect(jis.text).toContain('新駅');
    const header = decodeHtml(page('<meta charset="gb2312">', Buffer.from(sentence, 'utf8')), 'text/html; charset=gb2312');
    expect(header).toMatchObject({ charset: 'GBK', charsetSource: 'header' });
  });

  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(charsetFromContentType('text/html;charset=utf-8;foo=bar')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(undefined)).toBeNull();
  });
});

describe('decodeHtml when the first 1024 bytes declare nothing (issue 20 item 14)', () => {
  const CHINESE = '量子计算机的研究正在取得进展。科学家们表示，新的芯片将在明年投入使用。';
  const CHINESE_GB2312 = Buffer.from(
    'c1bfd7d3bcc6cbe3bbfab5c4d1d0bebfd5fdd4dac8a1b5c3bdf8d5b9a1a3bfc6d1a7bcd2c3c7b1edcabea3acd0c2b5c4d0bec6acbdabd4dac3f7c4eacdb6c8ebcab9d3c3a1a3',
    'hex',
  );
  const gbBytes = (text: string): Buffer => (text === CHINESE ? CHINESE_GB2312 : Buffer.alloc(0));

  it('reads a GB2312 <meta charset> that stands past byte 1024 in <head>', () => {
    const head = `<title>${'x'.repeat(1200)}</title><meta charset="gb2312">`;
    const decoded = decodeHtml(page(head, gbBytes(CHINESE)), 'text/html');
    expect(decoded.charset).toBe('GBK');
    expect(decoded.charsetSource).toBe('meta');
    expect(decoded.guessed).toBe(false);
    expect(decoded.text).toContain(CHINESE);
  });

  it('ignores a <meta charset> in the body', () => {
    const bytes = Buffer.concat([page(`<title>${'x'.repeat(1200)}</title>`, SHIFT_JIS_BYTES), Buffer.from('<meta charset="koi8-r">')]);
    expect(decodeHtml(bytes, 'text/html').charset).not.toBe('KOI8-R');
  });

  it('detects an unlabelled Shift_JIS page statistically and says the decode is a guess', () => {
    const decoded = decodeHtml(page('<title>News</title>', Buffer.concat([SHIFT_JIS_BYTES, SHIFT_JIS_BYTES])), 'text/html');
    expect(decoded.charset).toBe('Shift_JIS');
    expect(decoded.charsetSource).toBe('detected');
    expect(decoded.guessed).toBe(true);
    expect(decoded.text).toContain(SHIFT_JIS_SENTENCE);
  });

  it('detects unlabelled GB2312 and windows-1251 text', () => {
    expect(decodeHtml(page('', Buffer.concat([gbBytes(CHINESE), gbBytes(CHINESE)])), null).text).toContain(CHINESE);
    const russian = 'Правительство объявило о новых мерах поддержки экономики и малого бизнеса в регионах страны.';
    const cp1251 = Buffer.from([...russian].map((char) => (char === ' ' || char === '.' ? char.charCodeAt(0) : char === 'ё' ? 0xb8 : char.charCodeAt(0) - 0x410 + 0xc0)));
    const decoded = decodeHtml(page('', Buffer.concat([cp1251, Buffer.from(' '), cp1251])), null);
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.text).toContain(russian);
  });

  it('does not call ASCII or UTF-8 a guess', () => {
    expect(decodeHtml(page('', Buffer.from('plain ascii')), null).guessed).toBe(false);
    expect(decodeHtml(page('', Buffer.from('naïve café', 'utf8')), null)).toMatchObject({ charset: 'UTF-8', guessed: false });
  });

  it('puts a warning on the article when the charset was guessed', async () => {
    const body = Buffer.concat(Array.from({ length: 8 }, () => Buffer.concat([Buffer.from('<p>'), SHIFT_JIS_BYTES, SHIFT_JIS_BYTES, Buffer.from('</p>')])));
    const html = Buffer.concat([Buffer.from('<html><head><title>News</title></head><body><article><h1>News</h1>'), body, Buffer.from('</article></body></html>')]);
    const article = await extractArticle(html, { url: 'https://news.example.jp/a' });
    expect(article.charset).toBe('Shift_JIS');
    expect(article.body.text).toContain(SHIFT_JIS_SENTENCE);
    expect(article.warnings).toContain('charset guessed: Shift_JIS (the page declares none; statistical detection)');
  });
});
