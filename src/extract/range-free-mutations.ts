import type { createRequire } from 'node:module';

/*
 * jsdom 29 works out a node's index among its siblings on every insertBefore/replaceChild and every removal
 * (Node-impl `_insert` and `_remove`), only to move the boundaries of live Range objects. symbol-tree caches
 * sibling indexes, but any change under a parent drops that parent's cache, so each of these operations walks
 * the preceding siblings again: n changes among n siblings cost n² steps. Readability turns every <div> without
 * block children into a <p> by replaceChild, so a page of 9,000 sibling <div>s spent 10 s in those walks
 * (2 MB: minutes).
 *
 * Chronicle's documents never have a Range. Here, for the documents of chronicle's own jsdom windows, that one
 * index lookup at the start of `_insert`/`_remove` is skipped when no node it would concern is referenced by a
 * Range (the parent, and for a removal the removed subtree): the loops it feeds have nothing to visit then. The
 * tree operations themselves are jsdom's, unchanged, so the document comes out exactly as before. Other jsdom
 * documents in the process are left as jsdom makes them.
 *
 * The same goes for a parent's live `children` and `childNodes` lists: once read, jsdom rebuilds the whole list
 * on every later change under that parent (Node-impl `_modified`), although each read of the list brings it up to
 * date anyway (its `_update` compares versions). Readability reads `children` of the parents it works on, then
 * replaces their children one by one: a 0.2 MB page of nested wrappers spent most of its time rebuilding lists.
 * For chronicle's documents the lists are left to bring themselves up to date when read.
 *
 * jsdom is pinned; if the internals this relies on are not as expected, nothing is patched
 * (test/speed/range-free-mutations.test.ts fails then).
 */

type Require = ReturnType<typeof createRequire>;

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

const rangeFreeGlobals = new WeakSet<object>();
let installed: boolean | null = null;

/** Skips the Range bookkeeping index lookups and eager list rebuilds for the documents of `globalObject`. */
export function rangeFreeMutationsFor(requireModule: Require, globalObject: object): boolean {
  installed ??= install(requireModule);
  if (installed) rangeFreeGlobals.add(globalObject);
  return installed;
}

function install(requireModule: Require): boolean {
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
    if (child !== null && child !== undefined && rangeFreeGlobals.has(this._globalObject) && !hasRanges(this)) skipped = child;
    try {
      return insert.call(this, node, child, suppressObservers);
    } finally {
      skipped = null;
    }
  };
  const remove = prototype._remove;
  prototype._remove = function removeWithoutRangeIndex(this: NodeImpl, node, suppressObservers) {
    if (rangeFreeGlobals.has(this._globalObject) && !hasRanges(this) && !subtreeHasRanges(tree, node)) skipped = node;
    try {
      return remove.call(this, node, suppressObservers);
    } finally {
      skipped = null;
    }
  };
  const modified = prototype._modified;
  prototype._modified = function modifiedWithLazyLists(this) {
    if (!rangeFreeGlobals.has(this._globalObject)) return modified.call(this);
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
