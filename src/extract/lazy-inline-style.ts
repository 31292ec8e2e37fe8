import type { createRequire } from 'node:module';

/*
 * jsdom 29 gives every HTML and SVG element a CSS declaration object (its `style`, a CSSStyleProperties with a
 * wrapper of its own) the moment the element is made, whether or not anything ever reads it. Chronicle's
 * documents never have a `style` attribute (prunePage removes them all) and Readability reads `style` only of
 * elements that have one (see isProbablyVisible in readability-fast-paths.ts), so for chronicle those objects are
 * pure cost: on the Wikipedia page of the corpus about a sixth of the parsed tree's memory and a fifth of the
 * parse time.
 *
 * Here the declaration is made when `style` is first read instead, for the elements of chronicle's own jsdom
 * windows only (other jsdom documents in the process, such as the benchmark's naive baseline, are left as jsdom
 * makes them). Nothing else changes: jsdom reads `this.style` itself when a `style` attribute is set (its
 * `_attrModified`), so an element with one gets its declaration at that moment, filled from the attribute, as
 * before; an element without one gets an empty declaration when asked, as it had before.
 *
 * jsdom is pinned; if the internals this relies on are not as expected, nothing is patched and elements are
 * made as jsdom makes them (test/speed/lazy-inline-style.test.ts fails then).
 */

type Require = ReturnType<typeof createRequire>;

/** What is read of the element implementation classes (jsdom's HTMLElementImpl and SVGElementImpl). */
interface ElementImplPrototype {
  _initElementCSSInlineStyle?: (this: ElementImpl) => void;
}

interface ElementImpl {
  _globalObject: object;
  _settingCssText?: boolean;
  style?: unknown;
}

interface CssStyleProperties {
  createImpl(globalObject: object, constructorArgs: unknown[], privateData: { ownerNode: unknown }): unknown;
}

/** The global objects of chronicle's jsdom windows, whose elements get their `style` on first read. */
const lazyGlobals = new WeakSet<object>();
let installed: boolean | null = null;

/**
 * Makes the elements of documents whose global object is `globalObject` (a jsdom Window's, as its elements'
 * `_globalObject`) get their inline-style declaration on first use. Returns false when jsdom is not as expected
 * (then nothing is changed).
 */
export function lazyInlineStyleFor(requireModule: Require, globalObject: object): boolean {
  installed ??= install(requireModule);
  if (installed) lazyGlobals.add(globalObject);
  return installed;
}

function install(requireModule: Require): boolean {
  let prototypes: ElementImplPrototype[];
  let styles: CssStyleProperties;
  try {
    prototypes = ['jsdom/lib/jsdom/living/nodes/HTMLElement-impl.js', 'jsdom/lib/jsdom/living/nodes/SVGElement-impl.js'].map(
      (path) => (requireModule(path) as { implementation: { prototype: ElementImplPrototype } }).implementation.prototype,
    );
    styles = requireModule('jsdom/lib/generated/idl/CSSStyleProperties.js') as CssStyleProperties;
  } catch {
    return false;
  }
  if (typeof styles.createImpl !== 'function') return false;
  if (prototypes.some((prototype) => typeof prototype._initElementCSSInlineStyle !== 'function' || 'style' in prototype)) return false;

  for (const prototype of prototypes) {
    const eager = prototype._initElementCSSInlineStyle!;
    prototype._initElementCSSInlineStyle = function initElementCSSInlineStyle(this: ElementImpl): void {
      if (!lazyGlobals.has(this._globalObject)) {
        eager.call(this);
        return;
      }
      this._settingCssText = false;
    };
    // Read through the prototype until the element has a `style` of its own; the first read makes it one.
    Object.defineProperty(prototype, 'style', {
      configurable: true,
      get(this: ElementImpl): unknown {
        return ownStyle(this, styles.createImpl(this._globalObject, [], { ownerNode: this }));
      },
      set(this: ElementImpl, value: unknown) {
        ownStyle(this, value);
      },
    });
  }
  return true;
}

/** Gives `element` a `style` property of its own, as jsdom's constructor would have, and returns it. */
function ownStyle(element: ElementImpl, value: unknown): unknown {
  Object.defineProperty(element, 'style', { value, writable: true, enumerable: true, configurable: true });
  return value;
}
