import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { D1SortEvent, type SortDirection } from '../../events/sort.js';
import { LocaleController } from '../../i18n.js';
import { format } from '../../internal/validation.strings.js';
import { tableStrings } from './table.strings.js';
import { tableStyles } from './table.styles.js';

/** A column of `d1-table`. */
export interface TableColumn {
  /** The row property this column shows. */
  readonly key: string;
  /** The header text. */
  readonly label: string;
  /** Offer sorting by this column. */
  readonly sortable?: boolean;
  /** `end` for numbers. */
  readonly align?: 'start' | 'end';
}

/** A row: column key to value. */
export type TableRow = Readonly<Record<string, string | number | null | undefined>>;

/**
 * A data table with a caption, sortable columns and stacking in narrow places. A sortable column's header is a
 * button; the sorted column's `<th>` carries `aria-sort`, and the new order is announced politely (localized).
 * Text sorts with the locale's collation (å, ä, ö in their Finnish and Swedish places), numbers numerically. Under
 * 640 px of its own width, each row becomes a block of "header: value" lines; explicit table roles keep the
 * semantics that some browsers drop from a table whose `display` changed.
 *
 * @summary Data table with aria-sort sorting and responsive stacking.
 * @tagname d1-table
 * @csspart table - The `<table>`.
 * @csspart sort-button - The header button of a sortable column.
 * @fires {D1SortEvent} d1-sort - The user sorted; the table has already sorted its rows.
 */
export class D1Table extends LitElement {
  static override styles = tableStyles;

  /** The caption, which names the table. */
  @property() caption = '';

  /** The columns, in order. */
  @property({ attribute: false }) columns: readonly TableColumn[] = [];

  /** The rows, in their unsorted order. */
  @property({ attribute: false }) rows: readonly TableRow[] = [];

  /** Key of the sorted column; empty for the rows' own order. */
  @property({ attribute: 'sort-by' }) sortBy = '';

  /** Direction of the sort. */
  @property({ attribute: 'sort-direction' }) sortDirection: SortDirection = 'ascending';

  @state() private announcement = '';

  readonly #i18n = new LocaleController(this, tableStrings);

  /** The rows in the order shown. */
  get sortedRows(): readonly TableRow[] {
    const key = this.sortBy;
    if (!key || !this.columns.some((column) => column.key === key)) return this.rows;
    const collator = new Intl.Collator(this.#i18n.locale, { numeric: true, sensitivity: 'base' });
    const sign = this.sortDirection === 'descending' ? -1 : 1;
    return [...this.rows].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === y) return 0;
      // Empty values last, whichever the direction.
      if (x === null || x === undefined || x === '') return 1;
      if (y === null || y === undefined || y === '') return -1;
      if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
      return sign * collator.compare(String(x), String(y));
    });
  }

  protected override render(): TemplateResult {
    const strings = this.#i18n.strings;
    const rows = this.sortedRows;
    return html`<div class="scroll">
        <table part="table" role="table">
          ${this.caption ? html`<caption>${this.caption}</caption>` : nothing}
          <thead role="rowgroup">
            <tr role="row">
              ${this.columns.map((column) => this.#renderHeader(column))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.length === 0
              ? html`<tr role="row"><td role="cell" colspan=${this.columns.length || 1}>${strings.empty}</td></tr>`
              : rows.map(
                  (row) => html`<tr role="row">
                    ${this.columns.map(
                      (column) => html`<td role="cell" class=${column.align === 'end' ? 'end' : ''}>
                        <span class="cell-label" aria-hidden="true">${column.label}</span><span>${row[column.key] ?? ''}</span>
                      </td>`,
                    )}
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  #renderHeader(column: TableColumn): TemplateResult {
    const sorted = this.sortBy === column.key;
    const cls = column.align === 'end' ? 'end' : '';
    if (!column.sortable) return html`<th scope="col" role="columnheader" class=${cls}>${column.label}</th>`;
    const arrow = sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕';
    return html`<th scope="col" role="columnheader" class=${cls} aria-sort=${sorted ? this.sortDirection : nothing}>
      <button part="sort-button" class="sort" type="button" @click=${() => this.#sort(column)}>
        ${column.label}<span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  #sort(column: TableColumn): void {
    const direction: SortDirection =
      this.sortBy === column.key && this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    this.sortBy = column.key;
    this.sortDirection = direction;
    const strings = this.#i18n.strings;
    this.announcement = format(direction === 'ascending' ? strings.sortedAscending : strings.sortedDescending, {
      column: column.label,
    });
    const event = new D1SortEvent(column.key, direction);
    this.dispatchEvent(event);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-table': D1Table;
  }
}
