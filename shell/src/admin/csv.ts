/**
 * A CSV writer (RFC 4180) for the audit log's export: fields are separated by commas, records by CRLF; a field that
 * holds a comma, a double quote, CR or LF is quoted, with its quotes doubled. A field that a spreadsheet would take
 * for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe, so that opening the export
 * in Excel or LibreOffice cannot run what an audit entry's text carried (CSV injection).
 */

/** A cell value: `null` and `undefined` become empty fields. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Numbers are data, not formulas, even when negative.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of `rows` under `header`, each record ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Offers `csv` as a download named `fileName` (a Blob URL on a temporary link: no server round trip, and nothing
 * inline that the page's Content Security Policy would refuse). The UTF-8 byte order mark makes Excel read å, ä, ö
 * right.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL is released after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
