/** Where the shell finds the platform. Set at build time (`VITE_DIGIONE_*`); defaults are the sandbox's. */
export interface ShellConfig {
  /** OpenID provider (issuer) URL. */
  authority: string;
  clientId: string;
  registryUrl: string;
  apiUrl: string;
  /** How long a widget may take to load and mount before its frame gives up, in ms. */
  widgetTimeoutMs: number;
}

const env = import.meta.env;

export const config: ShellConfig = {
  authority: env.VITE_DIGIONE_AUTHORITY ?? 'http://localhost:4174',
  clientId: env.VITE_DIGIONE_CLIENT_ID ?? 'digione-shell',
  registryUrl: env.VITE_DIGIONE_REGISTRY ?? 'http://localhost:4176',
  apiUrl: env.VITE_DIGIONE_API ?? 'http://localhost:4175',
  widgetTimeoutMs: Number(env.VITE_DIGIONE_WIDGET_TIMEOUT_MS ?? 15000),
};
