import { perWindowPatch, type Require } from './window-patch.js';

/*
 * In chronicle's jsdom windows (no Range ever made) tree changes skip the sibling-index lookup kept for live Ranges
 * and the eager rebuild of live child lists: both made wide pages quadratic. Figures: docs/performance.md.
 */


interface NodeImpl {
  _globalObject: object;
  _referencedRanges?: Set<unknown>;
}

interface LiveList {
  _update(): void;
}

interface NodeImplPrototype {
  _modified(this: NodeImpl & { _childrenList?: LiveList | null; _childNodesList?: LiveList | null }): void;
  _insert(this: NodeImpl, node: NodeImpl, child: NodeImpl | null, suppressObservers?: boolean): unknown;
  _remove(this: NodeImpl, node: NodeImpl, suppressObservers?: boolean): unknown;
}

interface SymbolTree {
  index(child: NodeImpl): number;
  treeIterator(root: NodeImpl): Iterable<NodeImpl>;
}

/** Skips the Range bookkeeping index lookups and eager list rebuilds for the documents of `globalObject`. */
export const rangeFreeMutationsFor = perWindowPatch(install);

function install(requireModule: Require, isRangeFree: (globalObject: object) => boolean): boolean {
  let prototype: NodeImplPrototype;
  let tree: SymbolTree;
  try {
    prototype = (requireModule('jsdom/lib/jsdom/living/nodes/Node-impl.js') as { implementation: { prototype: NodeImplPrototype } })
      .implementation.prototype;
    tree = (requireModule('jsdom/lib/jsdom/living/helpers/internal-constants.js') as { domSymbolTree: SymbolTree }).domSymbolTree;
  } catch {
    return false;
  }
  if (typeof prototype._insert !== 'function' || typeof prototype._remove !== 'function' || typeof prototype._modified !== 'function') {
    return false;
  }
  if (typeof tree.index !== 'function' || typeof tree.treeIterator !== 'function') return false;

  // The one index lookup to answer without walking: set just before jsdom's method runs, used by its first line.
  let skipped: NodeImpl | null = null;
  const index = tree.index;
  tree.index = function indexUnlessSkipped(this: SymbolTree, child: NodeImpl): number {
    if (child === skipped) {
      skipped = null;
      return -1; // read by nothing: no Range refers to the nodes concerned
    }
    return index.call(this, child);
  };

  const insert = prototype._insert;
  prototype._insert = function insertWithoutRangeIndex(this: NodeImpl, node, child, suppressObservers) {
    if (child !== null && child !== undefined && isRangeFree(this._globalObject) && !hasRanges(this)) skipped = child;
    try {
      return insert.call(this, node, child, suppressObservers);
    } finally {
      skipped = null;
    }
  };
  const remove = prototype._remove;
  prototype._remove = function removeWithoutRangeIndex(this: NodeImpl, node, suppressObservers) {
    if (isRangeFree(this._globalObject) && !hasRanges(this) && !subtreeHasRanges(tree, node)) skipped = node;
    try {
      return remove.call(this, node, suppressObservers);
    } finally {
      skipped = null;
    }
  };
  const modified = prototype._modified;
  prototype._modified = function modifiedWithLazyLists(this) {
    if (!isRangeFree(this._globalObject)) return modified.call(this);
    // jsdom's own step without the eager list rebuilds: the lists are set aside while it runs.
    const children = this._childrenList;
    const childNodes = this._childNodesList;
    this._childrenList = null;
    this._childNodesList = null;
    try {
      return modified.call(this);
    } finally {
      this._childrenList = children;
      this._childNodesList = childNodes;
    }
  };
  return true;
}

function hasRanges(node: NodeImpl): boolean {
  return node._referencedRanges === undefined || node._referencedRanges.size > 0;
}

function subtreeHasRanges(tree: SymbolTree, root: NodeImpl): boolean {
  for (const node of tree.treeIterator(root)) if (hasRanges(node)) return true;
  return false;
}
