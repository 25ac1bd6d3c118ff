/** Our own elements (notice, panel, inline statuses, warnings) are all named `evw-…`. */
export function isOurs(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.startsWith('EVW-');
}

/** A DOM change that is only our own elements coming or going: not the page changing. */
export function ourMutation(m: MutationRecord): boolean {
  return (
    m.type === 'childList' &&
    m.addedNodes.length + m.removedNodes.length > 0 &&
    [...m.addedNodes, ...m.removedNodes].every(isOurs)
  );
}
