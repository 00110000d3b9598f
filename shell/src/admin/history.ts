import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, type Locale, type PlatformUser, type Role } from '@digione/sdk';
import {
  conflictVersion,
  fetchCatalogue,
  fetchDraft,
  fetchSchools,
  fetchVersions,
  publishDraft,
  rollback,
  validationIssues,
  type DashboardRef,
  type Draft,
  type School,
  type ValidationIssue,
  type VersionInfo,
} from './api.js';
import { problemAlerts } from './catalogue.js';
import { fill, strings } from './strings.js';
import { DASHBOARD_ROLES, issuesByEntry } from './model.js';
import { navLink } from './nav.js';
import './preview.js';
// Types only: the composer's module is its own chunk, loaded by loadComposer().
import type { DigioneComposer, SaveState } from './composer/composer.js';


let composerLoading: Promise<boolean> | undefined;

/**
 * Loads the dashboard composer (shell/src/admin/composer/, its own chunk) once. When it cannot be loaded or does not
 * define `digione-composer`, the page says so and keeps publish and history working.
 */
function loadComposer(): Promise<boolean> {
  composerLoading ??= import('./composer/composer.js').then(
    () => customElements.get('digione-composer') !== undefined,
    (error: unknown) => {
      console.error('[digione] the dashboard composer could not be loaded:', error);
      composerLoading = undefined;
      return false;
    },
  );
  return composerLoading;
}

/**
 * One role's dashboard: the composer (the draft's editor), then publish with every validation problem shown next to
 * the instance it concerns, and the history of published versions with "roll back to this version" (one step, after
 * a confirmation). Publish and roll back name the version the admin saw (`expectedVersion`): when another admin
 * published in between, the page says so and offers a reload instead of overwriting.
 *
 * A school picker chooses whose dashboard it is: the municipality's, or one school's layer refining it (the
 * registry's `?school=`). Publish first saves what the composer holds, so that a change made just before is in the
 * published version; while a save fails or conflicts, Publish is disabled and the page says why.
 */
export class DigioneAdminDashboards extends LitElement {
  @property({ attribute: false }) tenant = '';
  /** The role whose dashboard this is (not `role`: that is every element's ARIA role). */
  @property({ attribute: false }) dashboardRole: Role = 'pupil';
  @property({ attribute: false }) user: PlatformUser | undefined;
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;
  @property({ attribute: false }) navigate: (path: string) => void = (path) => location.assign(path);

  @state() private versions: VersionInfo[] | undefined;
  @state() private draft: Draft | undefined;
  @state() private titles = new Map<string, string>();
  @state() private issues: ValidationIssue[] | undefined;
  @state() private notice = '';
  @state() private conflict: number | undefined;
  @state() private failure: unknown;
  @state() private confirming: number | undefined;
  @state() private busy = false;
  @state() private composer: 'loading' | 'ready' | 'unavailable' = 'loading';
  /** The tenant's schools (for the picker); `unavailable` when the directory could not be read. */
  @state() private schools: School[] | 'unavailable' | undefined;
  /** The chosen school's OID; undefined for the municipality's own dashboard. */
  @state() private school: string | undefined;
  /** The composer's save state: Publish waits while it is `failed` or `conflict`. */
  @state() private saveState: SaveState = 'saved';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private get ref(): DashboardRef {
    return { tenant: this.tenant, role: this.dashboardRole, ...(this.school ? { school: this.school } : {}) };
  }

  private get saveBlocked(): boolean {
    return this.saveState === 'failed' || this.saveState === 'conflict';
  }

  private get latest(): number {
    return this.versions?.at(-1)?.version ?? 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tenant') && this.tenant) {
      this.school = undefined;
      void this.loadSchools();
    }
    // `school` is private state, which PropertyValues<this> does not name.
    const schoolChanged = (changed as Map<PropertyKey, unknown>).has('school');
    if ((changed.has('tenant') || changed.has('dashboardRole') || schoolChanged) && this.tenant) {
      this.issues = undefined;
      this.notice = '';
      this.saveState = 'saved';
      void this.load();
    }
  }

  private async loadSchools(): Promise<void> {
    const tenant = this.tenant;
    this.schools = undefined;
    try {
      const schools = await fetchSchools(tenant);
      if (tenant === this.tenant) this.schools = schools;
    } catch (error) {
      // The municipality's dashboards stay editable without the directory.
      console.error('[digione] admin dashboards: the schools could not be loaded:', error);
      if (tenant === this.tenant) this.schools = 'unavailable';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadComposer().then((ok) => (this.composer = ok ? 'ready' : 'unavailable'));
  }

  /** Fetches the draft, the history and the widgets' titles afresh. */
  async load(): Promise<void> {
    this.failure = undefined;
    this.conflict = undefined;
    const ref = this.ref;
    try {
      const [versions, draft, catalogue] = await Promise.all([fetchVersions(ref), fetchDraft(ref), fetchCatalogue()]);
      if (ref.role !== this.dashboardRole || ref.tenant !== this.tenant || ref.school !== this.school) return; // another one was chosen meanwhile
      this.versions = versions;
      this.draft = draft;
      this.titles = new Map(catalogue.map((widget) => [widget.id, widget.title[this.locale]]));
    } catch (error) {
      console.error('[digione] admin dashboards:', error);
      this.failure = error;
    }
  }

  private get composerElement(): DigioneComposer | null {
    return this.querySelector('digione-composer');
  }

  private async reloadComposer(): Promise<void> {
    await this.composerElement?.load();
  }

  /** After a publish or a rollback: say so, and show what is stored now. */
  private async published(notice: string): Promise<void> {
    this.notice = notice;
    await this.load();
    await this.reloadComposer();
  }

  private failed(error: unknown): void {
    const conflict = conflictVersion(error);
    const issues = validationIssues(error);
    if (conflict !== undefined) this.conflict = conflict;
    else if (issues) this.issues = issues;
    else {
      console.error('[digione] admin publish:', error);
      this.failure = error;
    }
  }

  private async publish(): Promise<void> {
    const text = strings(this.locale);
    this.busy = true;
    this.issues = undefined;
    try {
      // A change made just before Publish may still wait for the composer's debounce (or be on its way): save it
      // first, so that what is published is what the admin sees. A save that fails or conflicts stops here.
      const composer = this.composerElement;
      if (composer) {
        await composer.saveNow();
        if (composer.saveState === 'failed' || composer.saveState === 'conflict') return;
      }
      const published = await publishDraft(this.ref, this.latest);
      await this.published(fill(text.dashboards.published, { version: published.version }));
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private async rollBack(toVersion: number): Promise<void> {
    const text = strings(this.locale);
    this.busy = true;
    try {
      const published = await rollback(this.ref, toVersion, this.latest);
      await this.published(fill(text.dashboards.rolledBack, { version: published.version, from: toVersion }));
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
      this.confirming = undefined;
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private who(id: string): string {
    if (id === 'manifests') return strings(this.locale).dashboards.fromFiles;
    return id === this.user?.id ? this.user.displayName : id;
  }

  protected override render(): TemplateResult {
    const text = strings(this.locale);
    const roleName = (role: Role) => this.roleName(role);
    return html`<p>${text.dashboards.lead}</p>
      <nav class="role-nav" aria-label=${text.dashboards.roleNav}>
        <ul>
          ${DASHBOARD_ROLES.map((role) => {
            const path = `/admin/dashboards/${role}`;
            return html`<li>${navLink(path, roleName(role), role === this.dashboardRole, this.navigate)}</li>`;
          })}
        </ul>
      </nav>
      ${this.renderSchoolPicker()}
      <h2>${this.school ? fill(text.dashboards.schoolHeading, { role: roleName(this.dashboardRole), school: this.schoolName(this.school) }) : roleName(this.dashboardRole)}</h2>
      <p class="visually-hidden" role="status" data-admin-notice>${this.notice}</p>
      ${problemAlerts(
        this.conflict,
        this.failure,
        this.locale,
        () => void this.load().then(() => this.reloadComposer()),
        () => void this.load(),
      )}
      <section class="admin-block" aria-labelledby="composer-heading">
        <h3 id="composer-heading">${text.dashboards.composer}</h3>
        ${this.composer === 'ready'
          ? html`<digione-composer
              .tenant=${this.tenant}
              .role=${this.dashboardRole}
              .school=${this.school}
              @composer-saved=${(event: CustomEvent<Draft>) => {
                this.draft = event.detail;
                this.issues = undefined;
              }}
              @composer-state=${(event: CustomEvent<SaveState>) => (this.saveState = event.detail)}
              @composer-discarded=${() => void this.load()}
            ></digione-composer>`
          : this.composer === 'unavailable'
            ? html`<d1-alert variant="info" data-composer="unavailable"><p>${text.dashboards.composerUnavailable}</p></d1-alert>`
            : html`<p role="status">${text.loading}</p>`}
      </section>
      <digione-preview-as .tenant=${this.tenant} .dashboardRole=${this.dashboardRole} .locale=${this.locale}></digione-preview-as>
      ${this.renderDraft()} ${this.renderHistory()} ${this.renderRollbackDialog()}`;
  }

  private roleName(role: Role): string {
    return strings(this.locale).roleNames[role];
  }

  private schoolName(oid: string): string {
    const school = Array.isArray(this.schools) ? this.schools.find((s) => s.oid === oid) : undefined;
    return school?.names?.[this.locale] ?? school?.name ?? oid;
  }

  /** Whose dashboard: the municipality's or a school's layer; with the merge rule in one sentence. */
  private renderSchoolPicker(): TemplateResult | typeof nothing {
    const text = strings(this.locale).dashboards;
    if (this.schools === 'unavailable') return html`<p class="admin-note" data-schools="unavailable">${text.schoolsUnavailable}</p>`;
    if (!this.schools || this.schools.length === 0) return nothing;
    return html`<div class="school-picker">
      <d1-select
        data-picker="school"
        label=${text.school}
        .value=${this.school ?? ''}
        @change=${(event: Event) => {
          const value = (event.target as HTMLElement & { value: string }).value;
          this.school = value || undefined;
        }}
      >
        <option value="">${text.wholeTenant}</option>
        ${this.schools.map((school) => html`<option value=${school.oid}>${this.schoolName(school.oid)}</option>`)}
      </d1-select>
      <p class="admin-note" data-school-rule>${text.schoolRule}</p>
    </div>`;
  }

  private renderIssues(issues: readonly ValidationIssue[] | undefined): TemplateResult | typeof nothing {
    if (!issues || issues.length === 0) return nothing;
    return html`<ul class="issues" data-issues>
      ${issues.map((issue) => html`<li data-pointer=${issue.pointer}>${issue.reason} <code>${issue.pointer || '/'}</code></li>`)}
    </ul>`;
  }

  private renderDraft(): TemplateResult {
    const text = strings(this.locale);
    const draft = this.draft;
    const sorted = this.issues ? issuesByEntry(this.issues) : undefined;
    return html`<section class="admin-block" aria-labelledby="draft-heading" data-draft=${draft ? 'yes' : 'no'}>
      <h3 id="draft-heading">${text.dashboards.draft}</h3>
      ${this.issues
        ? html`<d1-alert variant="danger" data-publish-problems>
            <p>
              ${this.issues.length === 1
                ? text.dashboards.problemsOne
                : fill(text.dashboards.problems, { count: this.issues.length })}
            </p>
            ${sorted && sorted.general.length > 0
              ? html`<p>${text.dashboards.generalProblems}</p>
                  ${this.renderIssues(sorted.general)}`
              : nothing}
          </d1-alert>`
        : nothing}
      ${draft
        ? html`<p>${fill(text.dashboards.draftBy, { user: this.who(draft.updatedBy), time: this.when(draft.updatedAt) })}</p>
            <ol class="draft-layout">
              ${draft.dashboard.layout.map((entry, index) => {
                const label =
                  'remove' in entry && entry.remove
                    ? fill(text.dashboards.removal, { id: entry.instanceId })
                    : 'widget' in entry
                      ? fill(text.dashboards.instance, {
                          widget: this.titles.get(entry.widget) ?? entry.widget,
                          size: entry.size,
                          id: entry.instanceId,
                        })
                      : entry.instanceId;
                const own = sorted?.byIndex.get(index);
                return html`<li data-instance=${entry.instanceId} ?data-invalid=${own !== undefined}>
                  ${label} ${this.renderIssues(own)}
                </li>`;
              })}
            </ol>
            ${this.renderPublish()}`
        : this.saveState === 'saved'
          ? html`<p>${text.dashboards.noDraft}</p>`
          : this.renderPublish()}
    </section>`;
  }

  /** Publish; disabled, with the reason next to it, while the composer cannot save. */
  private renderPublish(): TemplateResult {
    const text = strings(this.locale).dashboards;
    const reason = this.saveState === 'failed' ? text.publishBlockedFailed : this.saveState === 'conflict' ? text.publishBlockedConflict : '';
    return html`<d1-button
        variant="primary"
        data-action="publish"
        ?loading=${this.busy}
        ?disabled=${this.saveBlocked}
        @click=${() => void this.publish()}
        >${text.publish}</d1-button
      >
      ${reason ? html`<p class="admin-note" data-publish-blocked>${reason}</p>` : nothing}`;
  }

  private renderHistory(): TemplateResult {
    const text = strings(this.locale);
    const versions = this.versions;
    if (!versions) return html``;
    const latest = this.latest;
    return html`<section class="admin-block" aria-labelledby="history-heading">
      <h3 id="history-heading">${text.dashboards.history}</h3>
      ${versions.length === 0
        ? html`<p>${text.dashboards.noVersions}</p>`
        : html`<div class="table-scroll">
            <table class="history" data-history>
              <caption class="visually-hidden">${fill(text.dashboards.historyCaption, { role: this.roleName(this.dashboardRole) })}</caption>
              <thead>
                <tr>
                  <th scope="col">${text.dashboards.colVersion}</th>
                  <th scope="col">${text.dashboards.colBy}</th>
                  <th scope="col">${text.dashboards.colWhen}</th>
                  <th scope="col">${text.dashboards.colActions}</th>
                </tr>
              </thead>
              <tbody>
                ${[...versions].reverse().map(
                  (version) => html`<tr data-version=${version.version}>
                    <th scope="row">${version.version}</th>
                    <td>${this.who(version.publishedBy)}</td>
                    <td><time datetime=${version.publishedAt}>${this.when(version.publishedAt)}</time></td>
                    <td>
                      ${version.version === latest
                        ? html`<d1-badge variant="success">${text.dashboards.current}</d1-badge>`
                        : html`<d1-button
                            variant="secondary"
                            data-action="rollback"
                            ?disabled=${this.busy}
                            @click=${() => (this.confirming = version.version)}
                            >${fill(text.dashboards.rollback, { version: version.version })}</d1-button
                          >`}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  private renderRollbackDialog(): TemplateResult {
    const text = strings(this.locale);
    const version = this.confirming;
    return html`<d1-dialog
      data-dialog="rollback"
      heading=${version === undefined ? '' : fill(text.dashboards.rollbackHeading, { version })}
      .open=${version !== undefined}
      @d1-close=${() => (this.confirming = undefined)}
    >
      ${version === undefined
        ? nothing
        : html`<p>${fill(text.dashboards.rollbackBody, { version })}</p>
            <d1-button slot="footer" variant="secondary" @click=${() => (this.confirming = undefined)}>${text.cancel}</d1-button>
            <d1-button slot="footer" variant="primary" data-confirm ?loading=${this.busy} @click=${() => void this.rollBack(version)}
              >${text.dashboards.rollbackConfirm}</d1-button
            >`}
    </d1-dialog>`;
  }
}

customElements.define('digione-admin-dashboards', DigioneAdminDashboards);

declare global {
  interface HTMLElementTagNameMap {
    'digione-admin-dashboards': DigioneAdminDashboards;
  }
}
