import { join, resolve } from 'node:path';
import { startIdentityProvider, startPlatformApi, PERSONAS } from '@digione/sandbox';
import { startRegistry, loadTenants } from '@digione/manifests';
import { startShellHost, startVendorHost } from './static-hosts.ts';

const root = resolve(import.meta.dirname, '..');

/** Ports of everything `npm start` runs; see docs/platform.md. */
export const PORTS = { shell: 4173, identity: 4174, api: 4175, registry: 4176, kajo: 4201, lumo: 4202 } as const;

export interface PlatformOptions {
  /** Folder with catalogue/, dashboards/ and tenants/ (default: the repository's manifests/). */
  manifestsDir?: string;
  /** SQLite file of the registry (default: in memory, loaded afresh from manifestsDir). */
  registryDb?: string;
  /** Audit log file of the platform API (JSON lines). */
  auditLogPath?: string;
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
    running.push(await startIdentityProvider({ port: PORTS.identity, issuer, shellOrigin, tenants }));
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
    running.push(await startShellHost({ port: PORTS.shell, dir: join(root, 'shell/dist') }));
  } catch (error) {
    await close();
    throw error;
  }
  const urls = Object.fromEntries(
    Object.entries(PORTS).map(([name, port]) => [name, `http://localhost:${port}`]),
  ) as Record<keyof typeof PORTS, string>;
  return { urls, personas: PERSONAS, close };
}
