import type { WidgetContext, WidgetLifecycles, WidgetProps } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { diagnoseEntryFailure, WidgetError } from './errors.js';
import { integrityMismatch } from './integrity.js';

/** A plain custom element as a widget: it may take the context, or ignore it. */
interface ElementWithContext extends HTMLElement {
  context?: WidgetContext;
}

/** Attributes that would run code or restyle the page: the schema refuses them, and so does the shell. */
const UNSAFE_ATTRIBUTE = /^(on|style$)/i;

/**
 * Lifecycles of a plain custom-element `module` widget: a vendor that uses neither the SDK nor module federation
 * ships an ES module that defines one custom element, and the manifest names its tag (`element.tag`). The shell
 * imports the entry, creates the element with the manifest's `element.attributes`, keeps its `lang` on the active
 * locale (so that locale-aware elements follow language switches) and hands it the {@link WidgetContext} as its
 * `context` property, the same as `defineWidget` does. `entry` is the URL to import (a retry's differs).
 */
export function elementLifecycles(manifest: WidgetManifest, entry: string = manifest.entry): WidgetLifecycles {
  const element = manifest.element;
  if (!element) throw new WidgetError('module-invalid', `widget ${manifest.id}: no element is named`);
  const { tag } = element;
  const mounted = new WeakMap<HTMLElement, { el: ElementWithContext; stop: () => void }>();
  return {
    async bootstrap() {
      if (tag.startsWith('d1-')) throw new WidgetError('tag-collision', `widget ${manifest.id}: <${tag}> is a design-system tag`);
      try {
        await import(/* @vite-ignore */ entry);
      } catch (error) {
        const code = (await integrityMismatch(manifest, entry)) ? 'integrity' : await diagnoseEntryFailure(entry, error);
        throw new WidgetError(code, `widget ${manifest.id}: entry ${manifest.entry} could not be imported`, { cause: error });
      }
      if (!customElements.get(tag)) {
        throw new WidgetError('module-invalid', `widget ${manifest.id}: entry ${manifest.entry} did not define <${tag}>`);
      }
    },
    async mount({ domElement, context }: WidgetProps) {
      const el = document.createElement(tag) as ElementWithContext;
      for (const [name, value] of Object.entries(element.attributes ?? {})) {
        if (value !== undefined && !UNSAFE_ATTRIBUTE.test(name)) el.setAttribute(name, value);
      }
      el.lang = context.locale;
      el.context = context;
      domElement.append(el);
      mounted.set(domElement, { el, stop: context.onLocaleChange((locale) => (el.lang = locale)) });
    },
    async update({ domElement, context }: WidgetProps) {
      const state = mounted.get(domElement);
      if (state) state.el.context = context;
    },
    async unmount({ domElement }: WidgetProps) {
      const state = mounted.get(domElement);
      mounted.delete(domElement);
      state?.stop();
      state?.el.remove();
    },
  };
}
