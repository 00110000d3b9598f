/** How `digione validate` prints a {@link ValidationResult}: grouped by file, one issue per line, hint below. */
import type { ValidationResult } from './validate.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The human report; ends with a summary line. */
export function formatReport(result: ValidationResult): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const issue of result.issues) {
    if (issue.file !== file) {
      if (file !== undefined) lines.push('');
      file = issue.file;
      lines.push(file);
    }
    lines.push(`  ${issue.pointer === '' ? '(document)' : issue.pointer}: ${issue.reason}`);
    if (issue.hint) lines.push(`    hint: ${issue.hint}`);
  }
  if (result.valid) {
    lines.push(`✓ ${plural(result.files.length, 'file')} valid`);
  } else {
    const files = new Set(result.issues.map((i) => i.file)).size;
    lines.push('', `✗ ${plural(result.issues.length, 'error')} in ${plural(files, 'file')} (${plural(result.files.length, 'file')} checked)`);
  }
  return lines.join('\n') + '\n';
}

/** The machine-readable report of `--json`. */
export function jsonReport(result: ValidationResult): string {
  return JSON.stringify({ valid: result.valid, files: result.files, issues: result.issues }, null, 2) + '\n';
}
