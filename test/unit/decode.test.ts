import { charsetFromContentType, decodeHtml } from '../../src/fetch/decode.js';

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

  it('falls back to UTF-8 for undeclared valid UTF-8 and to windows-1252 otherwise', () => {
    const utf8 = decodeHtml(Buffer.from('<p>Zürich — “quoted”</p>', 'utf8'));
    expect(utf8).toMatchObject({ charset: 'UTF-8', charsetSource: 'sniff' });
    expect(utf8.text).toContain('Zürich — “quoted”');
    const legacy = decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x61, 0x94]));
    expect(legacy).toMatchObject({ charset: 'windows-1252', charsetSource: 'sniff' });
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
