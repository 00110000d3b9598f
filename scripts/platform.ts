import { join, resolve } from 'node:path';
import { registryApprovals, startIdentityProvider, startPlatformApi, PERSONAS } from '@digione/sandbox';
import { startRegistry, loadTenants } from '@digione/manifests';
import { startSiteHost, startVendorHost, type CspReport } from './static-hosts.ts';
import { pageKind, shellCsp, withIntegrityMap, type ContentSources } from './content-security.ts';
import { pinSandboxBuilds } from './sandbox-pins.ts';

const root = resolve(import.meta.dirname, '..');

/** Ports of everything `npm start` runs; see docs/platform.md. */
export const PORTS = { shell: 4173, identity: 4174, api: 4175, registry: 4176, gallery: 4180, kajo: 4201, lumo: 4202, vire: 4203, aika: 4204, tanne: 4205 } as const;

/**
 * The fictional vendors' origins and what each serves: path on the origin → build folder (from the repository root).
 */
const VENDORS: ReadonlyArray<{ port: number; widgets: Readonly<Record<string, string>> }> = [
  { port: PORTS.kajo, widgets: { schedule: 'widgets/kajo-schedule/dist' } },
  { port: PORTS.lumo, widgets: { messages: 'widgets/lumo-messages/dist', bulletin: 'widgets/lumo-bulletin/dist' } },
  // Tanne's calendar is built with rspack, not vite: the same host serves any bundler's remote.
  { port: PORTS.tanne, widgets: { calendar: 'widgets/tanne-calendar/dist' } },
  // Vire's materials run as an iframe widget: a page of its own on Vire's origin.
  { port: PORTS.vire, widgets: { materials: 'widgets/vire-materials/dist' } },
  // A third party ships a custom element published on npm as it is: no SDK, no module federation, no build of ours.
  { port: PORTS.aika, widgets: { 'relative-time': 'node_modules/@github/relative-time-element/dist' } },
];

/** Base URL of each vendor build → its folder, for pinning (scripts/sandbox-pins.ts). */
const SANDBOX_BUILDS: Readonly<Record<string, string>> = Object.fromEntries(
  VENDORS.flatMap(({ port, widgets }) =>
    Object.entries(widgets).map(([path, dir]) => [`http://localhost:${port}/${path}/`, join(root, dir)]),
  ),
);

/** The registry's approvals for the shell page's CSP; undefined when the registry cannot answer (no widget origin is allowed then). */
async function fetchContentSources(registry: string): Promise<ContentSources | undefined> {
  try {
    const response = await fetch(`${registry}/v1/content-sources`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? ((await response.json()) as ContentSources) : undefined;
  } catch {
    return undefined;
  }
}

export interface PlatformOptions {
  /** Folder with catalogue/, dashboards/ and tenants/ (default: the repository's manifests/). */
  manifestsDir?: string;
  /** SQLite file of the registry (default: in memory, loaded afresh from manifestsDir). */
  registryDb?: string;
  /** Audit log file of the platform API (JSON lines). */
  auditLogPath?: string;
  /** Access token lifetime in seconds (default: env `DIGIONE_ACCESS_TOKEN_TTL`, else the provider's 10 min). */
  accessTokenTtl?: number;
  /** Sign-in (session) lifetime in seconds (default: env `DIGIONE_SESSION_TTL`, else the provider's 12 h). */
  sessionTtl?: number;
  /**
   * Publish the reference widgets pinned to the bytes of their builds (default true), as a vendor's release does
   * (scripts/sandbox-pins.ts), so that the browser checks every file of every in-page widget. False serves the
   * manifests as they are.
   */
  pinWidgets?: boolean;
  /** Start the sandbox identity provider (default true); false simulates it being unreachable. */
  identity?: boolean;
  /** Tests only: how long the provider holds each token request (ms, asked per request); see the provider's option. */
  tokenDelayMs?: () => number;
}

function secondsFromEnv(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`${name} must be a whole number of seconds ≥ 1, not "${value}"`);
  return seconds;
}

export interface RunningPlatform {
  urls: Record<keyof typeof PORTS, string>;
  personas: typeof PERSONAS;
  /** The CSP violations browsers reported on the shell's page since the start (the list itself; tests may empty it). */
  cspReports: CspReport[];
  close(): Promise<void>;
}

/** Starts the whole platform on localhost: sandbox identity and API, registry, shell and vendor origins. */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const manifestsDir = options.manifestsDir ?? join(root, 'manifests');
  const shellOrigin = `http://localhost:${PORTS.shell}`;
  const issuer = `http://localhost:${PORTS.identity}`;
  const audience = 'urn:digione:platform';
  const tenants = await loadTenants(manifestsDir);
  const running: Array<{ close(): Promise<void> }> = [];
  const cspReports: CspReport[] = [];
  const close = async () => {
    await Promise.allSettled(running.splice(0).reverse().map((part) => part.close()));
  };
  try {
    const accessTokenTtl = options.accessTokenTtl ?? secondsFromEnv('DIGIONE_ACCESS_TOKEN_TTL');
    const sessionTtl = options.sessionTtl ?? secondsFromEnv('DIGIONE_SESSION_TTL');
    if (options.identity !== false) {
      running.push(
        await startIdentityProvider({
          port: PORTS.identity,
          issuer,
          shellOrigin,
          tenants,
          // Widgets' tokens (RFC 8693 exchange) carry what the registry approves at the moment they are asked for.
          widgetApprovals: registryApprovals(`http://localhost:${PORTS.registry}`),
          ...(accessTokenTtl === undefined ? {} : { accessTokenTtl }),
          ...(sessionTtl === undefined ? {} : { sessionTtl }),
          ...(options.tokenDelayMs === undefined ? {} : { tokenDelayMs: options.tokenDelayMs }),
        }),
      );
    }
    running.push(
      await startPlatformApi({
        port: PORTS.api,
        issuer,
        audience,
        tenants,
        shellOrigin,
        ...(options.auditLogPath ? { auditLogPath: options.auditLogPath } : {}),
      }),
    );
    const pinned = options.pinWidgets === false ? undefined : await pinSandboxBuilds(manifestsDir, SANDBOX_BUILDS);
    if (pinned) running.push({ close: pinned.remove });
    running.push(
      await startRegistry({
        port: PORTS.registry,
        manifestsDir: pinned?.dir ?? manifestsDir,
        dbPath: options.registryDb ?? ':memory:',
        issuer,
        audience,
        corsOrigins: [shellOrigin],
      }),
    );
    for (const vendor of VENDORS) {
      running.push(
        await startVendorHost({
          port: vendor.port,
          widgets: Object.fromEntries(Object.entries(vendor.widgets).map(([path, dir]) => [path, join(root, dir)])),
          allowedOrigins: [shellOrigin],
        }),
      );
    }
    const platformOrigins = { identity: issuer, api: `http://localhost:${PORTS.api}`, registry: `http://localhost:${PORTS.registry}` };
    running.push(
      await startSiteHost({
        port: PORTS.shell,
        dir: join(root, 'shell/dist'),
        onCspReport: (report) => cspReports.push(report),
        page: async (indexHtml, path) => {
          const sources = await fetchContentSources(platformOrigins.registry);
          const html = withIntegrityMap(indexHtml, sources);
          return { html, headers: { 'Content-Security-Policy': shellCsp(html, platformOrigins, sources, pageKind(path)) } };
        },
      }),
    );
    running.push(
      await startSiteHost({ port: PORTS.gallery, dir: join(root, 'design-system/gallery/dist'), name: 'design-system gallery' }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const urls = Object.fromEntries(
    Object.entries(PORTS).map(([name, port]) => [name, `http://localhost:${port}`]),
  ) as Record<keyof typeof PORTS, string>;
  return { urls, personas: PERSONAS, cspReports, close };
}
