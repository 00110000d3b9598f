import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, PlatformApiError, type Locale } from '@digione/sdk';
import type { D1Select } from '@digione/design-system/components/select/select.component.js';
import type { D1TextField } from '@digione/design-system/components/text-field/text-field.component.js';
import type { D1Checkbox } from '@digione/design-system/components/checkbox/checkbox.component.js';
import {
  approveWidget,
  conflictVersion,
  fetchCatalogue,
  fetchPolicy,
  revokeWidget,
  validationIssues,
  type IntegrationLevel,
  type TenantPolicy,
  type ValidationIssue,
  type WidgetApproval,
  type WidgetManifest,
} from './api.js';
import { conformance, conforms } from './conformance.js';
import { describeScope } from './scopes.js';
import { fill, strings } from './strings.js';

const LEVELS: readonly IntegrationLevel[] = ['module', 'iframe', 'link'];

/** A failure to show: the registry's words are not localized, so each known case has its own sentence. */
export function failureText(error: unknown, locale: Locale): string {
  const text = strings(locale);
  if (error instanceof PlatformApiError && error.status === 403) return text.forbidden;
  return text.loadFailed;
}

/**
 * A section's alerts: another admin's newer version (`conflict`, with `reload`) and a failed request (`failure`, with
 * `retry`). The catalogue and the dashboards show them alike.
 */
export function problemAlerts(
  conflict: number | undefined,
  failure: unknown,
  locale: Locale,
  reload: () => void,
  retry: () => void,
): TemplateResult {
  const text = strings(locale);
  return html`${conflict !== undefined
    ? html`<d1-alert variant="warning" data-admin-conflict>
        <p>${fill(text.conflict, { version: conflict })}</p>
        <d1-button variant="primary" @click=${reload}>${text.reload}</d1-button>
      </d1-alert>`
    : nothing}
  ${failure !== undefined
    ? html`<d1-alert variant="danger">
        <p>${failureText(failure, locale)}</p>
        <d1-button variant="secondary" @click=${retry}>${text.retry}</d1-button>
      </d1-alert>`
    : nothing}`;
}

/**
 * The catalogue: every widget of the registry with its facts, the requested scopes in plain words, the tenant's
 * approval and a conformance status (conformance.ts), with approve (version range, integration level, granted
 * scopes) and revoke. Every write names the policy version it was based on (`expectedVersion`), so two admins
 * cannot overwrite each other unknowingly: a conflict is said in words with a reload.
 */
export class DigioneAdminCatalogue extends LitElement {
  @property({ attribute: false }) tenant = '';
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;

  @state() private widgets: WidgetManifest[] | undefined;
  @state() private policy: TenantPolicy | undefined;
  @state() private failure: unknown;
  /** With a 409: the policy version another admin published. */
  @state() private conflict: number | undefined;
  /** The last write's outcome, for the polite live region. */
  @state() private notice = '';
  @state() private approving: WidgetManifest | undefined;
  @state() private revoking: WidgetManifest | undefined;
  @state() private issues: ValidationIssue[] = [];
  @state() private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tenant') && this.tenant) void this.load();
  }

  /** Fetches the catalogue and the tenant's policy afresh. */
  async load(): Promise<void> {
    this.failure = undefined;
    this.conflict = undefined;
    try {
      const [widgets, policy] = await Promise.all([fetchCatalogue(), fetchPolicy(this.tenant)]);
      this.widgets = widgets.sort((a, b) => a.title[this.locale].localeCompare(b.title[this.locale], this.locale));
      this.policy = policy;
    } catch (error) {
      console.error('[digione] admin catalogue:', error);
      this.failure = error;
    }
  }

  private titleOf(widget: WidgetManifest): string {
    return widget.title[this.locale];
  }

  private async write(action: () => Promise<{ policy: TenantPolicy }>, done: string): Promise<boolean> {
    this.busy = true;
    this.issues = [];
    try {
      this.policy = (await action()).policy;
      this.notice = done;
      return true;
    } catch (error) {
      const conflict = conflictVersion(error);
      const issues = validationIssues(error);
      if (conflict !== undefined) {
        this.conflict = conflict;
        return true; // the dialog closes: the page says what happened and offers the reload
      }
      if (issues) {
        this.issues = issues;
        return false;
      }
      console.error('[digione] admin approval:', error);
      this.failure = error;
      return true;
    } finally {
      this.busy = false;
    }
  }

  private async approve(): Promise<void> {
    const widget = this.approving;
    const policy = this.policy;
    if (!widget || !policy) return;
    const dialog = this.querySelector('d1-dialog[data-dialog="approve"]');
    const versions = dialog?.querySelector<D1TextField>('d1-text-field[name="versions"]')?.value.trim() || widget.version;
    const integration = (dialog?.querySelector<D1Select>('d1-select[name="integration"]')?.value || widget.kind) as IntegrationLevel;
    const scopes = [...(dialog?.querySelectorAll<D1Checkbox>('d1-checkbox[name="scope"]') ?? [])]
      .filter((box) => box.checked)
      .map((box) => box.value);
    const approval: WidgetApproval = { versions, integration, scopes };
    const text = strings(this.locale);
    const closed = await this.write(
      () => approveWidget(this.tenant, widget.id, approval, policy.version),
      fill(text.catalogue.approvedNotice, { title: this.titleOf(widget) }),
    );
    if (closed) this.approving = undefined;
  }

  private async revoke(): Promise<void> {
    const widget = this.revoking;
    const policy = this.policy;
    if (!widget || !policy) return;
    const text = strings(this.locale);
    await this.write(
      () => revokeWidget(this.tenant, widget.id, policy.version),
      fill(text.catalogue.revokedNotice, { title: this.titleOf(widget) }),
    );
    this.revoking = undefined;
  }

  protected override render(): TemplateResult {
    const text = strings(this.locale);
    return html`<p>${text.catalogue.lead}</p>
      <p class="admin-note">${text.catalogue.conformanceLead}</p>
      <p class="visually-hidden" role="status" data-admin-notice>${this.notice}</p>
      ${problemAlerts(this.conflict, this.failure, this.locale, () => void this.load(), () => void this.load())}
      ${this.widgets && this.policy
        ? html`<div class="catalogue" data-state="ready">${this.widgets.map((widget) => this.renderWidget(widget))}</div>`
        : this.failure === undefined
          ? html`<p role="status" data-state="loading">${text.loading}</p>`
          : nothing}
      ${this.renderApproveDialog()} ${this.renderRevokeDialog()}`;
  }

  private renderWidget(widget: WidgetManifest): TemplateResult {
    const text = strings(this.locale);
    const approval = this.policy?.widgets[widget.id];
    const checks = conformance(widget);
    const ok = conforms(checks);
    const headingId = `catalogue-${widget.id.replace('.', '-')}`;
    return html`<section
      class="catalogue-entry"
      aria-labelledby=${headingId}
      data-catalogue-widget=${widget.id}
      data-approved=${approval ? 'yes' : 'no'}
    >
      <div class="catalogue-head">
        <h2 id=${headingId}>${this.titleOf(widget)}</h2>
        <d1-badge variant=${approval ? 'success' : 'neutral'} data-badge="approval"
          >${approval ? text.catalogue.approved : text.catalogue.notApproved}</d1-badge
        >
        <d1-badge variant=${ok ? 'info' : 'warning'} data-badge="conformance"
          >${ok ? text.catalogue.conforms : text.catalogue.needsAttention}</d1-badge
        >
      </div>
      <p>${widget.description[this.locale]}</p>
      <dl class="facts">
        <dt>${text.catalogue.vendor}</dt>
        <dd>${widget.vendor.name}</dd>
        <dt>${text.catalogue.id}</dt>
        <dd><code>${widget.id}</code></dd>
        <dt>${text.catalogue.version}</dt>
        <dd>${widget.version}</dd>
        <dt>${text.catalogue.kind}</dt>
        <dd>${text.catalogue.kinds[widget.kind]}</dd>
        <dt>${text.catalogue.roles}</dt>
        <dd>${widget.roles.map((role) => text.roleNames[role]).join(', ')}</dd>
        <dt>${text.catalogue.locales}</dt>
        <dd>${widget.locales.map((locale) => text.localeNames[locale]).join(', ')}</dd>
      </dl>
      <h3>${text.catalogue.scopes}</h3>
      ${widget.scopes.length === 0
        ? html`<p>${text.catalogue.noScopes}</p>`
        : html`<ul class="scopes">
            ${widget.scopes.map((scope) => html`<li data-scope=${scope}>${describeScope(scope, this.locale)} <code>${scope}</code></li>`)}
          </ul>`}
      <h3>${text.catalogue.approval}</h3>
      ${approval
        ? html`<ul class="approval" data-approval>
            <li>${fill(text.catalogue.approvedVersions, { versions: approval.versions })}</li>
            <li>${fill(text.catalogue.integration, { level: text.catalogue.levels[approval.integration] })}</li>
            <li>
              ${approval.scopes.length === 0
                ? text.catalogue.grantedNone
                : html`${text.catalogue.granted} ${approval.scopes.map((scope) => describeScope(scope, this.locale)).join(' ')}`}
            </li>
          </ul>`
        : html`<p>${text.catalogue.notApproved}.</p>`}
      <h3>${text.catalogue.conformance}</h3>
      <ul class="checks">
        ${checks.map(
          (check) => html`<li data-check=${check.id} data-outcome=${check.outcome}>
            <span aria-hidden="true">${check.outcome === 'pass' ? '✓' : check.outcome === 'warn' ? '!' : '✗'}</span>
            ${fill(text.catalogue.checks[check.message], check.vars)}
          </li>`,
        )}
      </ul>
      <div class="actions">
        <d1-button
          variant=${approval ? 'secondary' : 'primary'}
          data-action="approve"
          ?disabled=${this.busy}
          @click=${() => {
            this.issues = [];
            this.approving = widget;
          }}
          >${approval ? text.catalogue.change : text.catalogue.approve}</d1-button
        >
        ${approval
          ? html`<d1-button variant="danger" data-action="revoke" ?disabled=${this.busy} @click=${() => (this.revoking = widget)}
              >${text.catalogue.revoke}</d1-button
            >`
          : nothing}
      </div>
    </section>`;
  }

  private renderApproveDialog(): TemplateResult {
    const text = strings(this.locale);
    const widget = this.approving;
    const approval = widget ? this.policy?.widgets[widget.id] : undefined;
    return html`<d1-dialog
      data-dialog="approve"
      heading=${widget ? fill(text.catalogue.approveHeading, { title: this.titleOf(widget) }) : ''}
      .open=${widget !== undefined}
      @d1-close=${() => (this.approving = undefined)}
    >
      ${widget
        ? html`<div class="dialog-fields">
              ${this.issues.length > 0
                ? html`<d1-alert variant="danger">
                    <p>${text.catalogue.invalid}</p>
                    <ul>
                      ${this.issues.map((issue) => html`<li><code>${issue.pointer || '/'}</code> ${issue.reason}</li>`)}
                    </ul>
                  </d1-alert>`
                : nothing}
              <d1-text-field
                name="versions"
                label=${text.catalogue.versionsLabel}
                hint=${text.catalogue.versionsHint}
                .value=${approval?.versions ?? `^${widget.version}`}
                required
              ></d1-text-field>
              <d1-select
                name="integration"
                label=${text.catalogue.integrationLabel}
                hint=${text.catalogue.integrationHint}
                .value=${approval?.integration ?? widget.kind}
              >
                ${LEVELS.map((level) => html`<option value=${level}>${text.catalogue.levels[level]}</option>`)}
              </d1-select>
              ${widget.scopes.length > 0
                ? html`<fieldset class="scope-choices">
                    <legend>${text.catalogue.scopesLegend}</legend>
                    ${widget.scopes.map(
                      (scope) => html`<d1-checkbox
                        name="scope"
                        value=${scope}
                        label=${describeScope(scope, this.locale)}
                        .checked=${approval ? approval.scopes.includes(scope) : true}
                      ></d1-checkbox>`,
                    )}
                  </fieldset>`
                : html`<p>${text.catalogue.noScopes}</p>`}
            </div>
            <d1-button slot="footer" variant="secondary" @click=${() => (this.approving = undefined)}>${text.cancel}</d1-button>
            <d1-button slot="footer" variant="primary" data-confirm ?loading=${this.busy} @click=${() => void this.approve()}
              >${text.catalogue.approveConfirm}</d1-button
            >`
        : nothing}
    </d1-dialog>`;
  }

  private renderRevokeDialog(): TemplateResult {
    const text = strings(this.locale);
    const widget = this.revoking;
    return html`<d1-dialog
      data-dialog="revoke"
      heading=${widget ? fill(text.catalogue.revokeHeading, { title: this.titleOf(widget) }) : ''}
      .open=${widget !== undefined}
      @d1-close=${() => (this.revoking = undefined)}
    >
      ${widget
        ? html`<p>${fill(text.catalogue.revokeBody, { title: this.titleOf(widget) })}</p>
            <d1-button slot="footer" variant="secondary" @click=${() => (this.revoking = undefined)}>${text.cancel}</d1-button>
            <d1-button slot="footer" variant="danger" data-confirm ?loading=${this.busy} @click=${() => void this.revoke()}
              >${text.catalogue.revokeConfirm}</d1-button
            >`
        : nothing}
    </d1-dialog>`;
  }
}

customElements.define('digione-admin-catalogue', DigioneAdminCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'digione-admin-catalogue': DigioneAdminCatalogue;
  }
}
