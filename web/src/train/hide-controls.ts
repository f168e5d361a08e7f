// hide=… for the studio's own panels. The shell hides [data-control] elements
// on each render, but the studio's elements appear later (its chunk loads on
// demand, and a pasted link remounts it), so the studio applies the same list
// itself when it mounts. Either way the list comes from the page's hash.
import { parseHash } from '../state';

export function applyHideFromUrl(root: HTMLElement): void {
  const hide: readonly string[] = parseHash(location.hash).hide ?? [];
  for (const node of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const hidden = hide.includes(node.dataset.control ?? '');
    if (node.hidden !== hidden) node.hidden = hidden;
  }
}
