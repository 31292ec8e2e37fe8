import * as cheerio from 'cheerio';
import { bodyText } from '../../../src/extract/body/body-text.js';
import { isCreditCaption } from '../../../src/extract/clean/clean-chrome.js';

const nodes = (html: string) => cheerio.load(html, null, false).root().children().toArray();

describe('bodyText', () => {
  it('leaves out a figure caption that is a photo credit or ends with one, and keeps the caption in the HTML', () => {
    const html = '<p>Story text.</p><figure><img src="https://x/a.jpg"><figcaption>Trybunał Konstytucyjny / Shutterstock</figcaption></figure><p>More text.</p>';
    expect(bodyText(nodes(html))).toBe('Story text.\n\nMore text.');
  });

  it('keeps a caption that carries no credit', () => {
    const html = '<p>Story text.</p><figure><img src="https://x/a.jpg"><figcaption>I was not allowed to record my demo, so this photo will have to do.</figcaption></figure>';
    expect(bodyText(nodes(html))).toContain('will have to do');
  });

  it('leaves out embed figures', () => {
    expect(bodyText(nodes('<p>Text.</p><figure data-chronicle-embed="0"><blockquote>Tweet</blockquote></figure>'))).toBe('Text.');
  });
});

describe('isCreditCaption', () => {
  it.each([
    'praca / ShutterStock',
    '. Imagen: Télam',
    'Das FWR reagiert mit Entsetzen auf den Amoklauf. (Quelle: Fleischmann/Unsplash/DJV)',
    'Große Beckenkreise (links) stabilisieren, kleine Beckenkreise (rechts) mobilisieren. © Pferderevue',
    'Marcell Jansen (l.) und Piotr Trochowski haben einen guten Draht. Foto:',
    'Paris Haute Couture, Bild via Getty Images',
  ])('reads a credit caption: %s', (text) => {
    expect(isCreditCaption(text)).toBe(true);
  });

  it.each(['Glass cloche terrariums (Lucy Akins)', 'A Con Edison worker repairing underground cables this month in Flushing, Queens.'])('keeps a caption not recognisably a credit: %s', (text) => {
    expect(isCreditCaption(text)).toBe(false);
  });
});
