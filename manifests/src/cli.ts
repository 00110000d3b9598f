/**
 * The `digione` command (bin/digione.mjs runs this file through tsx).
 *
 *   digione validate <file|dir>... [--json]
 *   digione integrity <dist> [<entry>]
 *
 * Exit code 0 when every document is valid, 1 otherwise (also for a usage error).
 */
import { buildIntegrity } from './integrity/integrity.ts';
import { formatReport, jsonReport } from './validate/report.ts';
import { validateFiles } from './validate/validate.ts';

const USAGE = `Usage: digione validate <file|dir>... [--json]
       digione integrity <dist> [<entry, default remoteEntry.js>]

Checks widget manifests (catalogue/), dashboards (dashboards/<tenant>/[<school OID>/]<role>.json), tenants
(tenants/) and tenant policies (policies/) against their JSON Schemas and each other. A folder holding any of those
folders is read as a whole.
Exit code: 0 when everything is valid, 1 otherwise.

\`integrity\` prints the \`integrity\` and \`chunks\` members that pin a module widget's build, for its manifest.
`;

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'integrity') {
    const [dist, entry, extra] = rest;
    if (dist === undefined || extra !== undefined || dist.startsWith('-')) {
      process.stderr.write(`digione integrity: name the build folder and, optionally, its entry\n\n${USAGE}`);
      return 1;
    }
    try {
      process.stdout.write(`${JSON.stringify(await buildIntegrity(dist, entry), null, 2)}\n`);
      return 0;
    } catch (error) {
      process.stderr.write(`digione integrity: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  if (command !== 'validate') {
    process.stderr.write(command === undefined ? USAGE : `digione: unknown command \`${command}\`\n\n${USAGE}`);
    return 1;
  }
  const json = rest.includes('--json');
  const unknownOption = rest.find((arg) => arg.startsWith('-') && arg !== '--json');
  if (unknownOption !== undefined) {
    process.stderr.write(`digione validate: unknown option \`${unknownOption}\`\n\n${USAGE}`);
    return 1;
  }
  const paths = rest.filter((arg) => arg !== '--json');
  if (paths.length === 0) {
    process.stderr.write(`digione validate: name at least one file or folder\n\n${USAGE}`);
    return 1;
  }
  const result = await validateFiles(paths);
  process.stdout.write(json ? jsonReport(result) : formatReport(result));
  return result.valid ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
