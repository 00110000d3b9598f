import { mountRootParcel, type AppProps, type Parcel, type ParcelConfig } from 'single-spa';

/** single-spa's `mountParcel` of an application: parcels it mounts belong to that application. */
export type MountParcel = AppProps['mountParcel'];

let owner: MountParcel | undefined;

/**
 * Makes the shell's single-spa application the owner of every widget parcel mounted from now on; returns a function
 * that gives the ownership up again (when the application unmounts).
 *
 * Why: single-spa forgets a parcel after its unmount only when an application or parcel owns it. A parcel of
 * `mountRootParcel` stays in single-spa's root registry for good, with its props (the widget's DOM and context) and
 * its lifecycles (and through them the frame), so every role or child switch would leak the previous dashboard's
 * widgets (measured by tests/e2e/leaks.test.ts: about 38 DOM nodes and 2 listeners per widget mount).
 *
 * single-spa forgets a parcel only after a successful unmount: a parcel whose lifecycle fails goes to
 * SKIP_BECAUSE_BROKEN and stays registered under its owner (with its frame) until the page is left. So the frame's
 * guards never let single-spa see a widget's lifecycle fail; they record the failure for the frame, which then
 * unmounts the parcel like any other (frame.ts), and a failing widget is forgotten as a healthy one is.
 */
export function ownWidgetParcels(mountParcel: MountParcel): () => void {
  owner = mountParcel;
  return () => {
    if (owner === mountParcel) owner = undefined;
  };
}

/**
 * Mounts a widget parcel under the shell's application (see {@link ownWidgetParcels}); without one (a frame driven
 * on its own, as in component tests) it is a root parcel.
 */
export function mountWidgetParcel<Props extends object>(
  config: ParcelConfig<Props>,
  props: { domElement: HTMLElement } & Props,
): Parcel<Props> {
  // An application's `mountParcel` is typed for untyped props; the parcel is the same either way.
  return owner ? (owner(config as ParcelConfig, props) as Parcel<Props>) : mountRootParcel(config, props);
}
