/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DIGIONE_AUTHORITY?: string;
  readonly VITE_DIGIONE_CLIENT_ID?: string;
  readonly VITE_DIGIONE_REGISTRY?: string;
  readonly VITE_DIGIONE_API?: string;
  readonly VITE_DIGIONE_WIDGET_TIMEOUT_MS?: string;
  readonly VITE_DIGIONE_LIFECYCLE_TIMEOUT_MS?: string;
  readonly VITE_DIGIONE_WIDGET_BLOCKED_MS?: string;
}
