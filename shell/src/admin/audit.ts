import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, type Locale } from '@digione/sdk';
import type { D1Select } from '@digione/design-system/components/select/select.component.js';
import type { D1TextField } from '@digione/design-system/components/text-field/text-field.component.js';
import type { D1DatePicker } from '@digione/design-system/components/date-picker/date-picker.component.js';
import type { TableColumn, TableRow } from '@digione/design-system/components/table/table.component.js';
import { AUDIT_ACTIONS, fetchAudit, fetchCatalogue, type AuditAction, type AuditEntry } from './api.js';
import { failureText } from './catalogue.js';
import { downloadCsv } from './csv.js';
import { auditCsv, auditQuery, type AuditFilters } from './model.js';
import { fill, strings } from './strings.js';

const EMPTY: AuditFilters = { user: '', action: '', widget: '', from: '', to: '' };

/**
 * The audit log viewer: filter by user, action, widget and a range of days; the entries in a d1-table (which stacks
 * its rows into "header: value" blocks on a narrow screen); and the shown entries as a CSV download, made in the
 * browser from what is on screen (csv.ts guards against spreadsheet formulas).
 */
export class DigioneAdminAudit extends LitElement {
  @property({ attribute: false }) tenant = '';
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;

  @state() private entries: AuditEntry[] | undefined;
  @state() private widgets: Array<{ id: string; title: string }> = [];
  @state() private filters: AuditFilters = EMPTY;
  @state() private failure: unknown;
  @state() private rangeError = false;
  @state() private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tenant') && this.tenant) {
      void this.load();
      void fetchCatalogue().then(
        (catalogue) =>
          (this.widgets = catalogue
            .map((widget) => ({ id: widget.id, title: widget.title[this.locale] }))
            .sort((a, b) => a.title.localeCompare(b.title, this.locale))),
        (error: unknown) => console.warn('[digione] audit: the catalogue for the service filter failed:', error),
      );
    }
  }

  /** Fetches the entries matching the current filters. */
  async load(): Promise<void> {
    this.failure = undefined;
    this.busy = true;
    try {
      this.entries = await fetchAudit(auditQuery(this.tenant, this.filters));
    } catch (error) {
      console.error('[digione] admin audit:', error);
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  private readFilters(): AuditFilters {
    const field = <T extends HTMLElement & { value: string }>(name: string) =>
      this.querySelector<T>(`form.audit-filters [name="${name}"]`)?.value ?? '';
    return {
      user: field<D1TextField>('user'),
      action: field<D1Select>('action') as AuditAction | '',
      widget: field<D1Select>('widget'),
      from: field<D1DatePicker>('from'),
      to: field<D1DatePicker>('to'),
    };
  }

  private submit(event: Event): void {
    event.preventDefault();
    const filters = this.readFilters();
    this.rangeError = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
    if (this.rangeError) return;
    this.filters = filters;
    void this.load();
  }

  private clear(): void {
    this.filters = { ...EMPTY };
    this.rangeError = false;
    void this.load();
  }

  private export(): void {
    const entries = this.entries ?? [];
    const day = new Date().toISOString().slice(0, 10);
    downloadCsv(`digione-audit-${this.tenant}-${day}.csv`, auditCsv(entries));
  }

  /** `policy`, `dashboards/<role>` or `dashboards/<role>@<school OID>` in words (the CSV keeps the raw value). */
  private targetLabel(target: string): string {
    const text = strings(this.locale);
    if (target === 'policy') return text.audit.targetPolicy;
    const match = /^dashboards\/([a-z]+)(?:@(.+))?$/.exec(target);
    const role = match ? text.roleNames[match[1] as keyof typeof text.roleNames] : undefined;
    if (!match || !role) return target;
    return match[2] ? fill(text.audit.targetSchool, { role, school: match[2] }) : fill(text.audit.targetDashboard, { role });
  }

  protected override render(): TemplateResult {
    const text = strings(this.locale).audit;
    const common = strings(this.locale);
    const filters = this.filters;
    const format = new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'medium' });
    const columns: TableColumn[] = [
      { key: 'time', label: text.colTime },
      { key: 'user', label: text.colUser, sortable: true },
      { key: 'action', label: text.colAction, sortable: true },
      { key: 'target', label: text.colTarget, sortable: true },
      { key: 'widgets', label: text.colWidgets },
    ];
    const rows: TableRow[] = (this.entries ?? []).map((entry) => ({
      time: format.format(new Date(entry.at)),
      user: `${entry.userName} (${entry.user})`,
      action: text.actions[entry.action],
      target: this.targetLabel(entry.target),
      widgets: entry.widgets.join(', '),
    }));
    return html`<p>${text.lead}</p>
      <form class="audit-filters" aria-label=${text.filters} @submit=${(event: Event) => this.submit(event)}>
        <d1-text-field name="user" label=${text.user} hint=${text.userHint} .value=${filters.user}></d1-text-field>
        <d1-select name="action" label=${text.action} .value=${filters.action}>
          <option value="">${text.anyAction}</option>
          ${AUDIT_ACTIONS.map((action) => html`<option value=${action}>${text.actions[action]}</option>`)}
        </d1-select>
        <d1-select name="widget" label=${text.widget} .value=${filters.widget}>
          <option value="">${text.anyWidget}</option>
          ${this.widgets.map((widget) => html`<option value=${widget.id}>${widget.title}</option>`)}
        </d1-select>
        <d1-date-picker name="from" label=${text.from} .value=${filters.from}></d1-date-picker>
        <d1-date-picker name="to" label=${text.to} .value=${filters.to}></d1-date-picker>
        <div class="actions">
          <d1-button type="submit" variant="primary" data-action="filter" ?loading=${this.busy}>${text.apply}</d1-button>
          <d1-button variant="secondary" @click=${() => this.clear()}>${text.clear}</d1-button>
          <d1-button variant="secondary" data-action="export" ?disabled=${!this.entries} @click=${() => this.export()}
            >${text.export}</d1-button
          >
        </div>
      </form>
      ${this.rangeError ? html`<d1-alert variant="danger"><p>${text.badRange}</p></d1-alert>` : nothing}
      ${this.failure !== undefined
        ? html`<d1-alert variant="danger">
            <p>${failureText(this.failure, this.locale)}</p>
            <d1-button variant="secondary" @click=${() => void this.load()}>${common.retry}</d1-button>
          </d1-alert>`
        : nothing}
      ${this.entries
        ? html`<d1-table
            data-audit
            data-state=${this.busy ? 'loading' : 'ready'}
            data-count=${this.entries.length}
            caption=${fill(text.caption, { count: this.entries.length })}
            .columns=${columns}
            .rows=${rows}
          ></d1-table>`
        : this.failure === undefined
          ? html`<p role="status">${common.loading}</p>`
          : nothing}`;
  }
}

customElements.define('digione-admin-audit', DigioneAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'digione-admin-audit': DigioneAdminAudit;
  }
}
