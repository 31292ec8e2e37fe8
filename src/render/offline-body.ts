import { DomUtils, parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';
import { absoluteHttpUrl, imageUrls } from '../assets/image-choice.js';

/** Elements that would make a browser load something or change where relative links point: never kept. */
const DROPPED_ELEMENTS = new Set(['base', 'link', 'meta', 'script', 'style', 'iframe', 'frame', 'object', 'embed', 'source', 'track']);
/** Attributes that load something when the element is shown. */
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'background', 'data', 'lowsrc', 'dynsrc', 'ping'];

/**
 * body.html made safe to open offline with nothing fetched from anywhere: an image kept in the archive points at
 * it through a relative link (`localImages`: absolute URL → href relative to article.html); any other image
 * becomes its alt text linked to the original; no element or attribute that loads something, and no <base>.
 */
export function offlineBodyHtml(html: string, pageUrl: string, localImages: ReadonlyMap<string, string> = new Map()): string {
  const document = parseDocument(html);
  for (const element of DomUtils.findAll(() => true, document.children)) rewriteElement(element, pageUrl, localImages);
  return DomUtils.getOuterHTML(document.children, { decodeEntities: true, encodeEntities: 'utf8' });
}

function rewriteElement(element: Element, pageUrl: string, localImages: ReadonlyMap<string, string>): void {
  const name = element.name.toLowerCase();
  if (DROPPED_ELEMENTS.has(name)) {
    DomUtils.removeElement(element);
    return;
  }
  if (name === 'img') {
    rewriteImage(element, pageUrl, localImages);
    return;
  }
  for (const attribute of LOADING_ATTRIBUTES) delete element.attribs[attribute];
}

function rewriteImage(img: Element, pageUrl: string, localImages: ReadonlyMap<string, string>): void {
  const src = img.attribs.src ?? '';
  const urls = imageUrls(img.attribs, pageUrl);
  const local = urls.map((url) => localImages.get(url)).find((href): href is string => href !== undefined);
  if (local !== undefined) {
    img.attribs.src = local;
    delete img.attribs.srcset;
    return;
  }
  if (/^data:image\//i.test(src.trim()) && !/^data:image\/svg/i.test(src.trim())) {
    delete img.attribs.srcset; // an inline picture loads nothing
    return;
  }
  DomUtils.replaceElement(img, placeholderFor(img, urls[0] ?? absoluteHttpUrl(src, pageUrl)));
}

/** "[Image: alt]" linked to the original picture (not loaded). */
function placeholderFor(img: Element, original: string | null): ChildNode {
  const alt = (img.attribs.alt ?? '').trim();
  const label = new Text(alt === '' ? '[Image]' : `[Image: ${alt}]`);
  if (original === null) return new Element('span', { class: 'chronicle-image-missing' }, [label]);
  return new Element('a', { class: 'chronicle-image-missing', href: original, rel: 'noreferrer' }, [label]);
}
