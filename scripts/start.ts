import { startPlatform } from './platform.ts';

const platform = await startPlatform({ auditLogPath: '.data/audit.log' }).catch((error: unknown) => {
  console.error(`\nDigiOne could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error('A port may be taken by another program (see docs/platform.md for the ports).');
  process.exit(1);
});

const { urls, personas } = platform;
console.log(`
DigiOne is running.

  Shell (open this)        ${urls.shell}
  Sandbox OpenID provider  ${urls.identity}
  Sandbox platform API     ${urls.api}
  Manifest registry        ${urls.registry}
  Design-system gallery    ${urls.gallery}
  Vendor Kajo (widgets)    ${urls.kajo}
  Vendor Lumo (widgets)    ${urls.lumo}
  Vendor Tanne (rspack)    ${urls.tanne}
  Vendor Vire (iframe)     ${urls.vire}
  Vendor Aika (npm)        ${urls.aika}

Test users (password "sandbox" for all):
${personas.map((p) => `  ${p.username.padEnd(18)} ${p.description}`).join('\n')}

Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping DigiOne…');
    void platform.close().then(() => process.exit(0));
  });
}
