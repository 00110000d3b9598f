/** Where the shell finds the platform. Set at build time (`VITE_DIGIONE_*`); defaults are the sandbox's. */
export interface ShellConfig {
  /** OpenID provider (issuer) URL. */
  authority: string;
  clientId: string;
  registryUrl: string;
  apiUrl: string;
  /** How long a widget may take to load and mount before its frame gives up, in ms. */
  widgetTimeoutMs: number;
  /** How long one widget lifecycle call (bootstrap, mount, update, unmount) may take before it is given up, in ms. */
  lifecycleTimeoutMs: number;
  /** How long a widget lifecycle may hold the main thread before its frame ends it as `blocked`, in ms. */
  widgetBlockedMs: number;
}

// Empty outside vite (the browser unit tests import this module unbuilt): the defaults apply.
const env: Partial<ImportMetaEnv> = import.meta.env ?? {};

export const config: ShellConfig = {
  authority: env.VITE_DIGIONE_AUTHORITY ?? 'http://localhost:4174',
  clientId: env.VITE_DIGIONE_CLIENT_ID ?? 'digione-shell',
  registryUrl: env.VITE_DIGIONE_REGISTRY ?? 'http://localhost:4176',
  apiUrl: env.VITE_DIGIONE_API ?? 'http://localhost:4175',
  widgetTimeoutMs: Number(env.VITE_DIGIONE_WIDGET_TIMEOUT_MS ?? 15000),
  lifecycleTimeoutMs: Number(env.VITE_DIGIONE_LIFECYCLE_TIMEOUT_MS ?? 5000),
  widgetBlockedMs: Number(env.VITE_DIGIONE_WIDGET_BLOCKED_MS ?? 300),
};
