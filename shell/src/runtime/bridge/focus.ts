import { tabbableElements } from '@digione/sdk/bridge';

/**
 * Moves the keyboard focus from a widget's frame to the shell's next (Tab) or previous (Shift+Tab) focusable
 * element, as the browser would have, so that a keyboard user is never trapped in a frame. With nothing beyond the
 * frame, the focus leaves it for the page itself.
 */
export function moveFocusPast(frame: HTMLElement, direction: 'forward' | 'backward', root: Document = document): void {
  const stops = tabbableElements(root);
  const at = stops.indexOf(frame);
  const next = at < 0 ? undefined : stops[direction === 'forward' ? at + 1 : at - 1];
  if (next) {
    next.focus();
    return;
  }
  frame.blur();
}

/** Passes a key the widget did not handle up to the shell, as a keydown on the frame element. */
export function passKeyUp(frame: HTMLElement, key: 'Escape'): void {
  frame.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}
