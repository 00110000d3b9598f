import type { WidgetContext } from './context.js';

/** What the platform hands each lifecycle: where to render and the widget's context. */
export interface WidgetProps {
  /** The element the widget renders into; the platform owns it and the frame around it. */
  readonly domElement: HTMLElement;
  readonly context: WidgetContext;
}

/**
 * The lifecycles a widget module exports as its default export: single-spa parcel lifecycles, so the platform
 * can bootstrap, mount, update and unmount it like any other parcel.
 */
export interface WidgetLifecycles {
  bootstrap(props: WidgetProps): Promise<void>;
  mount(props: WidgetProps): Promise<void>;
  update(props: WidgetProps): Promise<void>;
  unmount(props: WidgetProps): Promise<void>;
}

/** A custom element that takes the platform context as a property. */
export interface ContextConsumer extends HTMLElement {
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
 * Turns a custom element into widget lifecycles.
 *
 * The tag is defined at bootstrap; a tag already defined by another class is refused with a
 * `widget.tag-taken` error instead of silently rendering someone else's element.
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
