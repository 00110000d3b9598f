import { html, render } from 'lit';
import type { WidgetLifecycles, WidgetProps } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { currentLocale, t } from '../locale/locale.js';
import { WidgetError } from './errors.js';

/**
 * Lifecycles of a `link` widget: a tile with the widget's localized description and a link that opens the
 * vendor's service (the manifest's entry) in a new tab, without an opener or a referrer. No vendor code runs in
 * the page, so this is what a tenant grants a service it has not reviewed at all.
 */
export function linkLifecycles(manifest: WidgetManifest): WidgetLifecycles {
  const url = new URL(manifest.entry);
  const stops = new WeakMap<HTMLElement, () => void>();
  const paint = (domElement: HTMLElement): void => {
    const locale = currentLocale();
    render(
      html`<div class="link-widget">
        <p>${manifest.description[locale]}</p>
        <d1-link href=${url.href} new-tab>${t('widget.openService', { title: manifest.title[locale] })}</d1-link>
      </div>`,
      domElement,
    );
  };
  return {
    async bootstrap() {
      const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
      if (url.protocol !== 'https:' && !local) {
        throw new WidgetError('module-invalid', `widget ${manifest.id}: a link must be https, not ${url.protocol}`);
      }
    },
    async mount({ domElement, context }: WidgetProps) {
      paint(domElement);
      stops.set(domElement, context.onLocaleChange(() => paint(domElement)));
    },
    async update({ domElement }: WidgetProps) {
      paint(domElement);
    },
    async unmount({ domElement }: WidgetProps) {
      stops.get(domElement)?.();
      stops.delete(domElement);
      render(null, domElement);
    },
  };
}
