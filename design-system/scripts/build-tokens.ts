/**
 * Writes src/tokens.css from src/tokens.ts. With `--check`, only fails (exit 1) when the file is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tokensCssText } from '../src/tokens.ts';

const target = new URL('../src/tokens.css', import.meta.url);
const current = await readFile(target, 'utf8').catch(() => '');

if (process.argv.includes('--check')) {
  if (current !== tokensCssText) {
    console.error('design-system: src/tokens.css is out of date; run `npm run tokens -w @digione/design-system`.');
    process.exit(1);
  }
} else if (current !== tokensCssText) {
  await writeFile(target, tokensCssText);
  console.log('design-system: wrote src/tokens.css');
}
