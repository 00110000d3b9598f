import type { WidgetContext, WidgetLifecycles, WidgetProps } from '@digione/sdk';
import { FRAME_HEIGHT, HOST_ORIGIN_PARAM, type BridgeInit, type BridgeSize, type BridgeTheme, type TileSize } from '@digione/sdk/bridge';
import type { WidgetManifest } from '@digione/manifests/types';
import { currentLocale, t } from '../locale/locale.js';
import { connectFrame, type FrameBridge } from './bridge/host.js';
import { moveFocusPast, passKeyUp } from './bridge/focus.js';
import { WidgetError } from './errors.js';

/**
 * The sandbox of every widget frame. `allow-same-origin` keeps the vendor's page on its own origin (so that the
 * bridge can post to that exact origin and the page can load its own files); it is safe only because the frame's
 * origin is never the shell's, which {@link iframeLifecycles} checks. No popups, no top navigation, no downloads:
 * links out go through the bridge's `navigation.openExternal`.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-forms allow-same-origin';

/** The tenant colours the frame gets: the inline `--d1-color-…` properties the shell's theme set on `<html>`. */
export function themeTokens(root: HTMLElement = document.documentElement): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const name of Array.from(root.style)) {
    if (name.startsWith('--d1-color-')) tokens[name] = root.style.getPropertyValue(name).trim();
  }
  return tokens;
}

const clampHeight = (height: number): number => Math.min(FRAME_HEIGHT.max, Math.max(FRAME_HEIGHT.min, Math.ceil(height)));

interface Mounted {
  frame: HTMLIFrameElement;
  bridge: FrameBridge;
  stops: Array<() => void>;
}

/**
 * Lifecycles of an `iframe` widget: a sandboxed frame on the vendor's origin showing the manifest's entry page,
 * which gets the same {@link WidgetContext} over the bridge (`connectToHost` in `@digione/sdk/bridge`). Mounting
 * finishes when the page has connected, so the frame's `ready` state means the widget is alive; a page that never
 * connects ends in the frame's timeout. The frame grows with its content (within {@link FRAME_HEIGHT}), follows
 * locale and theme, and hands the keyboard back to the shell at either end.
 */
export function iframeLifecycles(manifest: WidgetManifest): WidgetLifecycles {
  const entry = new URL(manifest.entry);
  const mounted = new WeakMap<HTMLElement, Mounted>();
  const title = (): string => t('widget.frameTitle', { title: manifest.title[currentLocale()], vendor: manifest.vendor.name });

  const init = (context: WidgetContext, frame: HTMLIFrameElement): BridgeInit => ({
    widget: { ...context.widget },
    user: { ...context.user, roles: [...context.user.roles] },
    tenant: { ...context.tenant },
    locale: context.locale,
    theme: theme(context),
    config: { ...context.config },
    size: size(frame),
    events: { publishes: [...(manifest.events?.publishes ?? [])], subscribes: [...(manifest.events?.subscribes ?? [])] },
  });
  const theme = (context: WidgetContext): BridgeTheme => ({ ...context.theme, tokens: themeTokens() });
  const size = (frame: HTMLIFrameElement): BridgeSize => {
    const tile = frame.closest('[size]')?.getAttribute('size');
    return {
      tile: tile === 's' || tile === 'm' || tile === 'l' ? (tile as TileSize) : (manifest.sizes[0] ?? 'm'),
      width: Math.round(frame.getBoundingClientRect().width),
    };
  };

  return {
    async bootstrap() {
      if (entry.origin === location.origin) {
        // allow-scripts with allow-same-origin on the shell's own origin would let the page lift its own sandbox.
        throw new WidgetError('entry-failed', `widget ${manifest.id}: an iframe entry must not be on the shell's origin`);
      }
    },
    async mount({ domElement, context }: WidgetProps) {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', FRAME_SANDBOX);
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.title = title();
      frame.style.cssText = `display:block;width:100%;border:0;height:${FRAME_HEIGHT.min * 3}px`;
      const src = new URL(entry);
      src.hash = new URLSearchParams({ [HOST_ORIGIN_PARAM]: location.origin }).toString();
      frame.src = src.href;

      const bridge = connectFrame({
        frameWindow: () => frame.contentWindow,
        origin: entry.origin,
        context,
        init: () => init(context, frame),
        handlers: {
          onResize: (height) => (frame.style.height = `${clampHeight(height)}px`),
          onFocusExit: (direction) => moveFocusPast(frame, direction),
          onKey: (key) => passKeyUp(frame, key),
        },
      });
      const state: Mounted = { frame, bridge, stops: [] };
      mounted.set(domElement, state);
      frame.addEventListener('load', () => bridge.loaded(), { once: true });
      domElement.append(frame);

      let lastWidth = -1;
      const widthObserver = new ResizeObserver(() => {
        const next = size(frame);
        if (next.width === lastWidth) return;
        lastWidth = next.width;
        bridge.pushSize(next);
      });
      widthObserver.observe(frame);
      state.stops.push(
        () => widthObserver.disconnect(),
        context.onLocaleChange((locale) => {
          frame.title = title();
          bridge.pushLocale(locale);
          bridge.pushTheme(theme(context));
        }),
        context.onThemeChange(() => bridge.pushTheme(theme(context))),
      );
      await bridge.connected;
    },
    async update() {
      // The context of a placement does not change while it is mounted; a new one comes with a new mount.
    },
    async unmount({ domElement }: WidgetProps) {
      const state = mounted.get(domElement);
      mounted.delete(domElement);
      if (!state) return;
      for (const stop of state.stops.splice(0)) stop();
      state.bridge.close();
      state.frame.remove();
    },
  };
}
