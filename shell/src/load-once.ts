/**
 * A loader for a module the shell fetches only when first needed (a design-system component outside the first load,
 * tests/size/shell-js.ts LAZY): every call until the import settles shares it; after a failure, which is logged as
 * `what` could not be loaded, the next call tries again (a dropped connection must not disable a control for good).
 */
export function loadOnce(importer: () => Promise<unknown>, what: string): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () =>
    (loading ??= importer().then(
      () => undefined,
      (error: unknown) => {
        loading = undefined;
        console.error(`[digione] ${what} could not be loaded:`, error);
      },
    ));
}
