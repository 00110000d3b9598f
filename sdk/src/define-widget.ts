import type { WidgetContext } from './context.js';

/** What the platform hands each lifecycle: where to render and the widget's context. */
export interface WidgetProps {
  /** The element the widget renders into; the platform owns it and the frame around it. */
  readonly domElement: HTMLElement;
  /** The widget's context, built by the platform for this placement. */
  readonly context: WidgetContext;
}

/**
 * The lifecycles a widget module exports as its default export: single-spa parcel lifecycles, so the platform
 * can bootstrap, mount, update and unmount it like any other parcel.
 */
export interface WidgetLifecycles {
  /** Defines the custom element (once per page). */
  bootstrap(props: WidgetProps): Promise<void>;
  /** Creates the element in `domElement` with the context. */
  mount(props: WidgetProps): Promise<void>;
  /** Hands the mounted element a new context. */
  update(props: WidgetProps): Promise<void>;
  /** Removes the element. */
  unmount(props: WidgetProps): Promise<void>;
}

/** A custom element that takes the platform context as a property. */
export interface ContextConsumer extends HTMLElement {
  /** Set by the platform before the element is connected. */
  context?: WidgetContext | undefined;
}

/** Options of {@link defineWidget}. */
export interface DefineWidgetOptions {
  /** Custom-element tag, namespaced by the vendor, e.g. `kajo-schedule`. */
  tag: string;
  /** The element class (a lit element or any custom element with a `context` property). */
  element: CustomElementConstructor;
}

/** Error code for a tag some other code already defined with another class. */
export const TAG_TAKEN = 'widget.tag-taken';

/**
 * Turns a custom element into widget lifecycles: single-spa parcel lifecycles whose `mount` creates the element
 * with the platform's {@link WidgetContext} as its `context` property, `update` hands it a new context, and
 * `unmount` removes it (the platform then ends every listener the widget made through the context).
 *
 * The tag is defined at bootstrap; a tag already defined by another class is refused with a
 * `widget.tag-taken` error instead of silently rendering someone else's element.
 *
 * @example
 * A lit element, exposed as the module federation module `./widget`:
 * ```ts
 * import { defineWidget } from '@digione/sdk';
 * import { AcmeHello } from './hello.component.js';
 *
 * export default defineWidget({ tag: 'acme-hello', element: AcmeHello });
 * ```
 * @example
 * Any custom element works, as long as it takes the context as a property:
 * ```ts
 * class AcmeClock extends HTMLElement {
 *   context?: WidgetContext;
 *   connectedCallback() { this.textContent = new Date().toLocaleTimeString(this.context?.locale); }
 * }
 * export default defineWidget({ tag: 'acme-clock', element: AcmeClock });
 * ```
 */
export function defineWidget({ tag, element }: DefineWidgetOptions): WidgetLifecycles {
  const mounted = new WeakMap<HTMLElement, ContextConsumer>();
  return {
    async bootstrap() {
      const existing = customElements.get(tag);
      if (existing === undefined) customElements.define(tag, element);
      else if (existing !== element) {
        throw new Error(`${TAG_TAKEN}: the tag <${tag}> is already defined by other code`);
      }
    },
    async mount({ domElement, context }) {
      const el = document.createElement(tag) as ContextConsumer;
      el.context = context;
      domElement.append(el);
      mounted.set(domElement, el);
    },
    async update({ domElement, context }) {
      const el = mounted.get(domElement);
      if (el) el.context = context;
    },
    async unmount({ domElement }) {
      mounted.get(domElement)?.remove();
      mounted.delete(domElement);
    },
  };
}
