import type { ChildNode, ParentNode } from 'domhandler';

/** Makes `children` the node's child list, with sibling links to match (the tree walks that remove nodes in place). */
export function relink(parent: ParentNode, children: ChildNode[]): void {
  children.forEach((child, index) => {
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  });
  parent.children = children;
}
