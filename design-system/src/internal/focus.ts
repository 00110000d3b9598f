const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"], details > summary';

/** Whether `element` takes a Tab stop: natively focusable, or a custom element that delegates focus. */
function tabbable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.hidden || element.closest('[inert]')) return false;
  if (element.shadowRoot?.delegatesFocus) return !element.hasAttribute('disabled');
  return element.matches(FOCUSABLE) && element.getClientRects().length > 0;
}

/** The light-DOM elements under `root` that take a Tab stop, in document order (not inside tabbable hosts). */
export function tabbables(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (tabbable(child)) {
        found.push(child);
        if (child.shadowRoot?.delegatesFocus) continue;
      }
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
