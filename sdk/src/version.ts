/** The SDK's own version; a widget manifest's `sdk` range is checked against it. Kept equal to package.json by a test. */
export const SDK_VERSION = '0.2.0';
