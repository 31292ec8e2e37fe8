import { perWindowPatch, type Require } from './window-patch.js';

/*
 * In chronicle's jsdom windows an element's inline-style object is made when `style` is first read, not with every
 * element (chronicle's pages have no style attributes left). Why and what it saves: docs/performance.md.
 */


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

/**
 * Makes the elements of documents whose global object is `globalObject` (a jsdom Window's, as its elements'
 * `_globalObject`) get their inline-style declaration on first use. Returns false when jsdom is not as expected
 * (then nothing is changed).
 */
export const lazyInlineStyleFor = perWindowPatch(install);

function install(requireModule: Require, isLazy: (globalObject: object) => boolean): boolean {
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
      if (!isLazy(this._globalObject)) {
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
