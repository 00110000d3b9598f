import { CONTEXT_ERROR, WidgetContextError, type WidgetNavigation } from '@digione/sdk';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a widget may send the user to `url`: https anywhere, http only on this machine (the sandbox). */
export function isAllowedExternalUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

/** What navigation needs from the page. */
export interface NavigationHost {
  /** Where the dashboard's widget frames are. */
  root: ParentNode;
  /** Opens a new tab; `window.open` unless a test passes a fake. */
  open?: (url: string, target: string, features: string) => unknown;
}

/** Navigation for one widget: links out in a new tab without an opener, and jumps to other widgets. */
export function createNavigation(widgetId: string, host: NavigationHost): WidgetNavigation {
  const open = host.open ?? ((url, target, features) => window.open(url, target, features));
  return Object.freeze({
    openExternal(url: string): void {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new WidgetContextError(CONTEXT_ERROR.urlRefused, `widget ${widgetId}: "${url}" is not an absolute URL`);
      }
      if (!isAllowedExternalUrl(parsed)) {
        throw new WidgetContextError(
          CONTEXT_ERROR.urlRefused,
          `widget ${widgetId}: only https: URLs (and http: on localhost) may be opened, not ${parsed.protocol}`,
        );
      }
      open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    openWidget(target: string): boolean {
      const frame = [...host.root.querySelectorAll<HTMLElement>('[data-widget]')].find((el) => el.dataset.widget === target);
      if (!frame) return false;
      // Focusable from script only: the frame is a landmark to land on, not a tab stop.
      if (!frame.hasAttribute('tabindex')) frame.tabIndex = -1;
      frame.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      frame.focus({ preventScroll: true });
      return true;
    },
  });
}
