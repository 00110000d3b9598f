/** Code that starts the warning about a tag another class already holds. */
export const TAG_CONFLICT = 'design-system.tag-conflict';

const warned = new Set<string>();

/**
 * Defines a custom element, tolerating a second definition of the same tag with the same class (a module
 * evaluated twice). Another class under the tag keeps the first definition and warns once per tag: usually two
 * copies of the design system are loaded, so share one (module federation shared scope) instead.
 */
export function defineElement(
  tag: string,
  constructor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing === undefined) {
    registry.define(tag, constructor);
    return;
  }
  if (existing === constructor || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `${TAG_CONFLICT}: <${tag}> is already defined by another class, so the first definition stays. ` +
      'Two copies of @digione/design-system are probably loaded: share one copy instead of bundling your own.',
  );
}
