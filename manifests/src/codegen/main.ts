/** `npm run gen -w manifests`: writes src/generated/ from the schemas. */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './generate.ts';

const outDir = fileURLToPath(new URL('../generated/', import.meta.url));
await mkdir(outDir, { recursive: true });
for (const file of await generateTypes()) {
  await writeFile(outDir + file.name, file.contents);
  console.log(`wrote src/generated/${file.name}`);
}
