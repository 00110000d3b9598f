import { join, resolve } from 'node:path';
import { startIdentityProvider, startPlatformApi, PERSONAS } from '@digione/sandbox';
import { startRegistry, loadTenants } from '@digione/manifests';
import { startSiteHost, startVendorHost } from './static-hosts.ts';

const root = resolve(import.meta.dirname, '..');

/** Ports of everything `npm start` runs; see docs/platform.md. */
export const PORTS = { shell: 4173, identity: 4174, api: 4175, registry: 4176, gallery: 4180, kajo: 4201, lumo: 4202 } as const;

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
  /** Start the sandbox identity provider (default true); false simulates it being unreachable. */
  identity?: boolean;
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
          ...(accessTokenTtl === undefined ? {} : { accessTokenTtl }),
          ...(sessionTtl === undefined ? {} : { sessionTtl }),
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
    running.push(
      await startRegistry({
        port: PORTS.registry,
        manifestsDir,
        dbPath: options.registryDb ?? ':memory:',
        issuer,
        audience,
        corsOrigins: [shellOrigin],
      }),
    );
    running.push(
      await startVendorHost({
        port: PORTS.kajo,
        widgets: { schedule: join(root, 'widgets/kajo-schedule/dist') },
        allowedOrigins: [shellOrigin],
      }),
    );
    running.push(
      await startVendorHost({
        port: PORTS.lumo,
        widgets: {
          messages: join(root, 'widgets/lumo-messages/dist'),
          bulletin: join(root, 'widgets/lumo-bulletin/dist'),
        },
        allowedOrigins: [shellOrigin],
      }),
    );
    running.push(await startSiteHost({ port: PORTS.shell, dir: join(root, 'shell/dist') }));
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
  return { urls, personas: PERSONAS, close };
}
