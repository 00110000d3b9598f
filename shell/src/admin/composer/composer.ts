/**
 * `<digione-composer>`: a municipality admin composes one role's dashboard (issue 8, point 2). It edits the draft
 * (or starts one from the latest published version), lays the instances out in the dashboard's own grid, and saves
 * every change as the draft shortly after it is made, so that nothing is lost; publishing is the admin area's.
 *
 * Accessibility: each card has its own buttons (move earlier, move later, remove) and size choice, the "toolbar in a
 * card" pattern, rather than a grab-and-move keyboard mode, because buttons need no instructions and work the same
 * with a switch device, speech input or a screen reader's virtual cursor. Each change is announced in a polite live
 * region ("Schedule moved to position 2 of 5") and focus stays on the card that moved. Drag and drop (native HTML5,
 * which Chromium drives with pointer and touch alike) is an extra for pointer users, never the only way.
 */
import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import '@digione/design-system/components/button/button.js';
import '@digione/design-system/components/card/card.js';
import '@digione/design-system/components/dialog/dialog.js';
import '@digione/design-system/components/grid/grid.js';
import '@digione/design-system/components/icon-button/icon-button.js';
import '@digione/design-system/components/select/select.js';
import '@digione/design-system/components/switch/switch.js';
import '@digione/design-system/components/text-field/text-field.js';
import type { D1Dialog } from '@digione/design-system/components/dialog/dialog.component.js';
import { PlatformApiError, type Locale, type Role } from '@digione/sdk';
import type { DashboardInstance, DashboardRemoval, WidgetManifest, WidgetSize } from '@digione/manifests/types';
import * as api from '../api.js';
import type { Dashboard, DashboardRef, Draft, TenantPolicy, VersionInfo } from '../api.js';
import { currentLocale, onLocaleChange } from '../../locale/locale.js';
import {
  checkField,
  configFields,
  defaultConfig,
  isRemoval,
  moved,
  newInstanceId,
  parseFieldValue,
  placeableWidgets,
  sizesOf,
  type ConfigField,
  type FieldError,
} from './layout.js';
import { ct, type ComposerKey } from './strings.js';

/** What the composer needs of the registry: shell/src/admin/api.ts by default; tests give an in-memory one. */
export interface ComposerBackend {
  fetchCatalogue(): Promise<WidgetManifest[]>;
  fetchPolicy(tenant: string): Promise<TenantPolicy>;
  fetchDraft(ref: DashboardRef): Promise<Draft | undefined>;
  fetchVersions(ref: DashboardRef): Promise<VersionInfo[]>;
  fetchVersion(ref: DashboardRef, version: number): Promise<Dashboard>;
  /** Refused with a 409 ({@link api.draftConflict}) when the stored draft's revision is not `expectedRevision`. */
  saveDraft(ref: DashboardRef, dashboard: Partial<Dashboard>, expectedRevision: number): Promise<Draft>;
  discardDraft(ref: DashboardRef): Promise<void>;
}

/**
 * Where the draft stands: `saved` (nothing to save), `pending` (a change waits for the debounce), `saving`, `failed`
 * (kept locally; retry), `conflict` (someone else changed the stored draft since it was loaded).
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

/** How long after the last change the draft is saved: a burst of moves is one request. */
const SAVE_DELAY_MS = 600;

const icons = {
  earlier: svg`<svg viewBox="0 0 24 24"><path d="M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z"/></svg>`,
  later: svg`<svg viewBox="0 0 24 24"><path d="M8.6 18.6 10 20l8-8-8-8-1.4 1.4 6.6 6.6z"/></svg>`,
  up: svg`<svg viewBox="0 0 24 24"><path d="M5.4 15.4 4 14l8-8 8 8-1.4 1.4L12 8.8z"/></svg>`,
  down: svg`<svg viewBox="0 0 24 24"><path d="M18.6 8.6 20 10l-8 8-8-8 1.4-1.4 6.6 6.6z"/></svg>`,
  remove: svg`<svg viewBox="0 0 24 24"><path d="M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z"/></svg>`,
};

interface Removed {
  instance: DashboardInstance;
  index: number;
}

/**
 * The dashboard composer of one role (and school) of one tenant.
 *
 * @summary Compose a role's dashboard: add, arrange, resize, configure and remove widget instances as a draft.
 * @tagname digione-composer
 * @fires composer-saved - A draft was stored (`detail`: the draft), so that the admin area can offer publishing.
 * @fires composer-discarded - The admin discarded the draft.
 * @fires composer-state - `saveState` changed (`detail`: the new one).
 */
export class DigioneComposer extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .intro,
    .status-line {
      display: flex;
      flex-wrap: wrap;
      gap: var(--d1-space-3);
      align-items: center;
      margin-block-end: var(--d1-space-4);
    }
    .status-line p,
    .intro p {
      margin: 0;
    }
    .grow {
      flex: 1 1 16rem;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    d1-card {
      cursor: grab;
    }
    d1-card:focus-visible {
      outline: var(--d1-focus-ring-width) solid var(--d1-color-focus-ring);
      outline-offset: var(--d1-focus-ring-offset);
    }
    d1-card[data-drop-target] {
      outline: var(--d1-focus-ring-width) dashed var(--d1-color-focus-ring);
    }
    .card-body {
      display: grid;
      gap: var(--d1-space-3);
    }
    .card-body p {
      margin: 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: var(--d1-space-3);
      align-items: end;
    }
    .fields {
      display: grid;
      gap: var(--d1-space-4);
    }
    [data-invalid]::part(hint) {
      color: var(--d1-color-danger);
      font-weight: 600;
    }
    .error {
      color: var(--d1-color-danger);
    }
  `;

  /** The tenant whose dashboard this is. */
  @property() tenant = '';

  /**
   * The role the dashboard is for. Its attribute is `dashboard-role`: a `role` attribute on the element would be read
   * as its ARIA role.
   */
  @property({ attribute: 'dashboard-role' }) override role: Role = 'pupil';

  /** A school's OID, to compose that school's refinement of the tenant's dashboard. */
  @property() school: string | undefined;

  /** The registry; shell/src/admin/api.ts unless a test gives another. */
  @property({ attribute: false }) backend: ComposerBackend = api;

  /** Where saving stands, also as the `data-save-state` attribute (what the e2e tests wait for). */
  @property({ reflect: true, attribute: 'data-save-state' }) saveState: SaveState = 'saved';

  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private loadError = '';
  @state() private instances: DashboardInstance[] = [];
  @state() private source: { draft: true } | { version: number } | { none: true } = { none: true };
  @state() private saveReason = '';
  @state() private announcement = '';
  @state() private removed: Removed | undefined;
  @state() private adding: { widget: string; size: WidgetSize | '' } = { widget: '', size: '' };
  @state() private configuring: { instanceId: string; values: Record<string, unknown>; touched: Set<string>; tried: boolean } | undefined;
  @state() private dragging: string | undefined;
  @state() private dropTarget: string | undefined;
  @state() private locale: Locale = currentLocale();
  /**
   * The grid row of each card as laid out now, when some row holds several cards (then "up/down a row" differ from
   * "earlier/later"); undefined when every card is alone on its row (one column, or all large).
   */
  @state() private rows: ReadonlyMap<string, number> | undefined;

  #catalogue = new Map<string, WidgetManifest>();
  #placeable: WidgetManifest[] = [];
  /** School removals pass through untouched: the composer shows the instances the school adds or replaces. */
  #removals: DashboardRemoval[] = [];
  /**
   * In a school's layer: the instance ids of the municipality's dashboard. A new instance must not take one of them,
   * or the school's entry would replace the municipality's instance instead of adding one (the merge rule).
   */
  #tenantIds: string[] = [];
  /**
   * The revision of the stored draft this editor loaded or last saved (0: none). Each save names it, and the registry
   * refuses the save atomically when another admin saved or discarded the draft in between.
   */
  #revisionSeen = 0;
  #changes = 0;
  #savedChanges = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #focusAfterClose: string | undefined;
  #leaveAnswer: ((leave: boolean) => void) | undefined;
  #stopLocale: (() => void) | undefined;
  /** The grid's columns follow the composer's width: rows are measured again when it changes. */
  readonly #resize = new ResizeObserver(() => this.#measureRows());

  get #ref(): DashboardRef {
    return { tenant: this.tenant, role: this.role, ...(this.school ? { school: this.school } : {}) };
  }

  /** Whether a change has not reached the registry yet. */
  get hasUnsavedChanges(): boolean {
    return this.#changes !== this.#savedChanges;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLocale = onLocaleChange((locale) => (this.locale = locale));
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    window.addEventListener('single-spa:before-routing-event', this.#onBeforeRouting);
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLocale?.();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    window.removeEventListener('single-spa:before-routing-event', this.#onBeforeRouting);
    this.#resize.disconnect();
    // Leaving the view must not drop a change waiting for its debounce: save it now.
    if (this.#timer !== undefined && this.hasUnsavedChanges) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.#save();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tenant') || changed.has('role') || changed.has('school') || changed.has('backend')) {
      if (this.tenant) void this.load();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#measureRows();
    if (changed.has('saveState')) {
      // The admin area keeps Publish disabled while a save fails or conflicts, and says why.
      const event = new CustomEvent<SaveState>('composer-state', { detail: this.saveState, bubbles: true, composed: true });
      this.dispatchEvent(event);
    }
  }

  /** Reads which row each card sits on from the layout (the grid's columns depend on its width and the sizes). */
  #measureRows(): void {
    const tops = [...this.renderRoot.querySelectorAll<HTMLElement>('d1-card')].map((card) => ({
      id: card.getAttribute('data-instance') ?? '',
      top: Math.round(card.getBoundingClientRect().top),
    }));
    const rowTops = [...new Set(tops.map((t) => t.top))].sort((a, b) => a - b);
    const rows = rowTops.length < tops.length ? new Map(tops.map((t) => [t.id, rowTops.indexOf(t.top)])) : undefined;
    const key = (map: ReadonlyMap<string, number> | undefined) => (map ? [...map].join(';') : '');
    if (key(rows) !== key(this.rows)) this.rows = rows;
  }

  /** (Re)loads the catalogue, the policy and the draft, or the latest published version when there is no draft. */
  async load(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.phase = 'loading';
    const ref = this.#ref;
    const backend = this.backend;
    try {
      const [catalogue, policy, draft] = await Promise.all([
        backend.fetchCatalogue(),
        backend.fetchPolicy(ref.tenant).catch((error: unknown) => {
          if (error instanceof PlatformApiError && error.status === 404) return { tenant: ref.tenant, version: 0, widgets: {} } as TenantPolicy;
          throw error;
        }),
        backend.fetchDraft(ref),
      ]);
      let dashboard: Dashboard | undefined = draft?.dashboard;
      if (draft) this.source = { draft: true };
      else {
        const latest = (await backend.fetchVersions(ref)).at(-1);
        dashboard = latest ? await backend.fetchVersion(ref, latest.version) : undefined;
        this.source = latest ? { version: latest.version } : { none: true };
      }
      this.#revisionSeen = draft?.revision ?? 0;
      this.#tenantIds = ref.school ? await this.#tenantInstanceIds(ref) : [];
      this.#catalogue = new Map(catalogue.map((widget) => [widget.id, widget]));
      this.#placeable = placeableWidgets(catalogue, policy, ref.role).sort((a, b) => this.#title(a.id).localeCompare(this.#title(b.id), this.locale));
      const layout = dashboard?.layout ?? [];
      this.instances = layout.filter((entry): entry is DashboardInstance => !isRemoval(entry));
      this.#removals = layout.filter(isRemoval);
      this.#changes = this.#savedChanges = 0;
      this.saveState = 'saved';
      this.saveReason = '';
      this.removed = undefined;
      this.phase = 'ready';
    } catch (error) {
      this.loadError = this.#reason(error);
      this.phase = 'error';
    }
  }

  /** The instance ids of the latest published municipality dashboard that a school's layer refines. */
  async #tenantInstanceIds(ref: DashboardRef): Promise<string[]> {
    const tenantRef = { tenant: ref.tenant, role: ref.role };
    const latest = (await this.backend.fetchVersions(tenantRef)).at(-1);
    if (!latest) return [];
    return (await this.backend.fetchVersion(tenantRef, latest.version)).layout.map((entry) => entry.instanceId);
  }

  // ---- edits ----------------------------------------------------------------------------------------------------

  /** Moves the instance at `from` to `to`, announces it and keeps focus on its card (on `control` when it can). */
  moveInstance(from: number, to: number, control?: 'earlier' | 'later' | 'up' | 'down'): void {
    const instance = this.instances[from];
    if (!instance || to < 0 || to >= this.instances.length || from === to) return;
    this.instances = moved(this.instances, from, to);
    this.#changed();
    this.#announce('announce.moved', { title: this.#title(instance.widget), position: to + 1, count: this.instances.length });
    void this.#focusCard(instance.instanceId, control);
  }

  /**
   * Moves the instance at `index` to the row above (`-1`) or below (`1`), to the place of the card there that is
   * closest to its left edge.
   */
  moveInstanceRow(index: number, direction: -1 | 1): void {
    const instance = this.instances[index];
    const row = instance ? this.rows?.get(instance.instanceId) : undefined;
    if (!instance || row === undefined) return;
    const left = (id: string) => this.renderRoot.querySelector(`d1-card[data-instance="${id}"]`)?.getBoundingClientRect().left ?? 0;
    const mine = left(instance.instanceId);
    const candidates = this.instances
      .map((entry, i) => ({ i, id: entry.instanceId }))
      .filter(({ id }) => this.rows?.get(id) === row + direction)
      .sort((a, b) => Math.abs(left(a.id) - mine) - Math.abs(left(b.id) - mine));
    const target = candidates[0];
    if (target) this.moveInstance(index, target.i, direction < 0 ? 'up' : 'down');
  }

  /** Sets the size of the instance at `index`. */
  resizeInstance(index: number, size: WidgetSize): void {
    const instance = this.instances[index];
    if (!instance || instance.size === size) return;
    this.instances = this.instances.map((entry, i) => (i === index ? { ...entry, size } : entry));
    this.#changed();
    this.#announce('announce.resized', { title: this.#title(instance.widget), size: ct(`sizes.${size}`, {}, this.locale) });
  }

  /** Removes the instance at `index`; the removal can be undone until the next one. */
  removeInstance(index: number): void {
    const instance = this.instances[index];
    if (!instance) return;
    this.instances = this.instances.filter((_, i) => i !== index);
    this.removed = { instance, index };
    this.#changed();
    this.#announce('announce.removed', { title: this.#title(instance.widget) });
    // Focus goes to the Undo button, which names what was removed: one keystroke brings it back.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="undo"]')?.focus());
  }

  /** Puts the last removed instance back where it was. */
  undoRemove(): void {
    const removed = this.removed;
    if (!removed) return;
    const index = Math.min(removed.index, this.instances.length);
    this.instances = [...this.instances.slice(0, index), removed.instance, ...this.instances.slice(index)];
    this.removed = undefined;
    this.#changed();
    this.#announce('announce.restored', { title: this.#title(removed.instance.widget), position: index + 1, count: this.instances.length });
    void this.#focusCard(removed.instance.instanceId);
  }

  /** Appends a new instance of `widget` (an approved one) in `size`. */
  addInstance(widget: string, size: WidgetSize): string | undefined {
    const manifest = this.#placeable.find((w) => w.id === widget);
    if (!manifest || !manifest.sizes.includes(size)) return undefined;
    const instanceId = newInstanceId(widget, [...[...this.instances, ...this.#removals].map((i) => i.instanceId), ...this.#tenantIds]);
    const config = defaultConfig(manifest);
    this.instances = [...this.instances, { instanceId, widget, size, ...(config ? { config } : {}) }];
    this.#changed();
    this.#announce('announce.added', { title: this.#title(widget), position: this.instances.length, count: this.instances.length });
    return instanceId;
  }

  #changed(): void {
    this.#changes++;
    if (this.saveState !== 'conflict') this.saveState = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save();
    }, SAVE_DELAY_MS);
  }

  // ---- saving ---------------------------------------------------------------------------------------------------

  /** Saves the current layout as the draft now (the debounce calls it; so does "Retry"). */
  async saveNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#save();
  }

  async #save(): Promise<void> {
    // One request at a time: a change made while saving is saved after it.
    while (this.#saving) await this.#saving;
    if (!this.hasUnsavedChanges || this.saveState === 'conflict') return;
    const changes = this.#changes;
    const ref = this.#ref;
    const layout = [...this.instances, ...this.#removals];
    this.saveState = 'saving';
    this.#saving = (async () => {
      try {
        // Two admins editing one dashboard do not overwrite each other without knowing: the save names the revision
        // this editor holds, and a 409 below says whose draft is stored instead.
        const draft = await this.backend.saveDraft(ref, { layout }, this.#revisionSeen);
        this.#revisionSeen = draft.revision;
        this.#savedChanges = changes;
        this.source = { draft: true };
        this.saveReason = '';
        this.saveState = this.hasUnsavedChanges ? 'pending' : 'saved';
        const event = new CustomEvent<Draft>('composer-saved', { detail: draft, bubbles: true, composed: true });
        this.dispatchEvent(event);
      } catch (error) {
        const conflict = api.draftConflict(error);
        this.saveState = conflict ? 'conflict' : 'failed';
        this.saveReason =
          conflict === undefined
            ? this.#reason(error)
            : conflict === 'discarded'
              ? ct('discarded', {}, this.locale)
              : `${conflict.updatedBy}, ${new Date(conflict.updatedAt).toLocaleString(this.locale)}`;
      }
    })();
    await this.#saving;
    this.#saving = undefined;
    // A change made while the request was out: its debounce may have fired during it and returned early.
    if ((this.saveState as SaveState) === 'pending' && this.#timer === undefined) await this.#save();
  }

  #reason(error: unknown): string {
    if (error instanceof PlatformApiError) {
      if (error.status === 0) return ct('reasons.offline', {}, this.locale);
      if (error.status === 401 || error.status === 403) return ct('reasons.forbidden', {}, this.locale);
      const issues = api.validationIssues(error);
      if (issues) {
        const text = issues.map((issue) => `${issue.pointer} ${issue.reason}`).join('; ');
        return ct('reasons.invalid', { issues: text }, this.locale);
      }
    }
    return ct('reasons.other', { message: error instanceof Error ? error.message : String(error) }, this.locale);
  }

  async #discard(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    try {
      await this.backend.discardDraft(this.#ref);
    } catch (error) {
      this.saveState = 'failed';
      this.saveReason = this.#reason(error);
      return;
    }
    await this.load();
    this.#announce('discarded', {});
    // The admin area shows the draft's publish button: it must learn that there is no draft any more.
    const event = new CustomEvent('composer-discarded', { bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  /** A navigation inside the shell (single-spa reroutes on every URL change) waits for the admin's answer. */
  readonly #onBeforeRouting = (event: Event): void => {
    if (!this.hasUnsavedChanges) return;
    const detail = (event as CustomEvent<{ cancelNavigation?: (cancel: Promise<boolean>) => void }>).detail;
    if (!detail?.cancelNavigation) return;
    detail.cancelNavigation(
      new Promise<boolean>((resolve) => {
        this.#leaveAnswer = (leave) => resolve(!leave);
        this.#dialog('leave')?.show();
      }),
    );
  };

  // ---- helpers ----------------------------------------------------------------------------------------------------

  #title(widget: string): string {
    return this.#catalogue.get(widget)?.title[this.locale] ?? widget;
  }

  #announce(key: ComposerKey, vars: Record<string, string | number>): void {
    // A repeated identical message (two moves to the same place) must be announced again: change the text.
    const text = ct(key, vars, this.locale);
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  #dialog(name: 'add' | 'config' | 'discard' | 'leave'): D1Dialog | null {
    return this.renderRoot.querySelector<D1Dialog>(`d1-dialog[data-dialog="${name}"]`);
  }

  async #focusCard(instanceId: string, control?: string): Promise<void> {
    // Until the rows are measured again too (that render may disable the control just used).
    while (!(await this.updateComplete));
    const card = this.renderRoot.querySelector<HTMLElement>(`d1-card[data-instance="${instanceId}"]`);
    const button = control ? card?.querySelector<HTMLElement & { disabled?: boolean }>(`[data-action="${control}"]`) : null;
    if (button && !button.disabled) {
      await (button as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      button.focus();
    } else card?.focus();
  }

  // ---- rendering --------------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = (key: ComposerKey, vars: Record<string, string | number> = {}) => ct(key, vars, this.locale);
    return html`<section aria-label=${t('region')} lang=${this.locale}>
      <div class="visually-hidden" role="status" aria-live="polite" data-announcements>${this.announcement}</div>
      ${this.phase === 'loading'
        ? html`<p role="status">${t('loading')}</p>`
        : this.phase === 'error'
          ? html`<div role="alert"><p>${t('loadFailed', { reason: this.loadError })}</p>
              <d1-button variant="secondary" @click=${() => this.load()}>${t('tryAgain')}</d1-button></div>`
          : this.#renderReady(t)}
      ${this.#renderAddDialog(t)} ${this.#renderConfigDialog(t)} ${this.#renderConfirmDialogs(t)}
    </section>`;
  }

  #renderReady(t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const source = this.source;
    const intro = 'draft' in source ? t('fromDraft') : 'version' in source ? t('fromVersion', { version: source.version }) : t('fromNothing');
    return html`<div class="intro">
        <p class="grow">${intro} ${t('instructions')}</p>
        <d1-button data-action="add" @click=${this.#openAdd}>${t('add')}</d1-button>
        ${'draft' in source
          ? html`<d1-button data-action="discard" variant="secondary" @click=${() => this.#dialog('discard')?.show()}>${t('discard')}</d1-button>`
          : nothing}
      </div>
      <div class="status-line">${this.#renderStatus(t)}</div>
      ${this.removed
        ? html`<p><d1-button data-action="undo" variant="secondary" @click=${() => this.undoRemove()}
              >${t('undo', { title: this.#title(this.removed.instance.widget) })}</d1-button
            ></p>`
        : nothing}
      ${this.instances.length === 0
        ? html`<p>${t('empty')}</p>`
        : html`<d1-grid @dragover=${this.#onDragOver} @drop=${this.#onDrop}>
            ${repeat(this.instances, (instance) => instance.instanceId, (instance, index) => this.#renderCard(instance, index, t))}
          </d1-grid>`}`;
  }

  #renderStatus(t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const state = this.saveState;
    const text =
      state === 'saved'
        ? 'draft' in this.source
          ? t('status.saved')
          : ''
        : state === 'pending'
          ? t('status.pending')
          : state === 'saving'
            ? t('status.saving')
            : state === 'failed'
              ? t('status.notSaved', { reason: this.saveReason })
              : t('status.conflict', { reason: this.saveReason });
    return html`<p class="grow ${state === 'failed' || state === 'conflict' ? 'error' : ''}" role="status" data-save-status>${text}</p>
      ${state === 'failed' ? html`<d1-button variant="secondary" data-action="retry" @click=${() => this.saveNow()}>${t('status.retry')}</d1-button>` : nothing}
      ${state === 'conflict' ? html`<d1-button variant="secondary" data-action="reload" @click=${() => this.load()}>${t('status.reload')}</d1-button>` : nothing}`;
  }

  #renderCard(instance: DashboardInstance, index: number, t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const manifest = this.#catalogue.get(instance.widget);
    const title = this.#title(instance.widget);
    const count = this.instances.length;
    const sizes = sizesOf(manifest);
    const hasConfig = configFields(manifest).length > 0;
    const rows = this.rows;
    const row = rows?.get(instance.instanceId);
    const lastRow = rows ? Math.max(...rows.values()) : 0;
    return html`<d1-card
      size=${instance.size}
      heading=${title}
      level="4"
      tabindex="-1"
      draggable="true"
      data-instance=${instance.instanceId}
      data-widget-id=${instance.widget}
      ?data-drop-target=${this.dropTarget === instance.instanceId && this.dragging !== instance.instanceId}
      @dragstart=${(event: DragEvent) => this.#onDragStart(event, instance.instanceId)}
      @dragenter=${() => (this.dropTarget = instance.instanceId)}
      @dragend=${this.#onDragEnd}
    >
      <div slot="actions" role="group" aria-label=${title}>
        <d1-icon-button data-action="earlier" label=${t('moveEarlier', { title })} ?disabled=${index === 0} @click=${() => this.moveInstance(index, index - 1, 'earlier')}
          >${icons.earlier}</d1-icon-button
        >
        <d1-icon-button data-action="later" label=${t('moveLater', { title })} ?disabled=${index === count - 1} @click=${() => this.moveInstance(index, index + 1, 'later')}
          >${icons.later}</d1-icon-button
        >
        ${rows
          ? html`<d1-icon-button data-action="up" label=${t('moveUp', { title })} ?disabled=${row === 0} @click=${() => this.moveInstanceRow(index, -1)}
                >${icons.up}</d1-icon-button
              >
              <d1-icon-button data-action="down" label=${t('moveDown', { title })} ?disabled=${row === lastRow} @click=${() => this.moveInstanceRow(index, 1)}
                >${icons.down}</d1-icon-button
              >`
          : nothing}
        <d1-icon-button data-action="remove" label=${t('remove', { title })} @click=${() => this.removeInstance(index)}>${icons.remove}</d1-icon-button>
      </div>
      <div class="card-body">
        <p>${t('position', { position: index + 1, count })} · ${manifest?.vendor.name ?? instance.widget}</p>
        <div class="controls">
          <d1-select
            data-action="size"
            label=${t('size', { title })}
            .value=${instance.size}
            @change=${(event: Event) => this.resizeInstance(index, (event.target as HTMLSelectElement).value as WidgetSize)}
          >
            ${sizes.map((size) => html`<option value=${size}>${t(`sizes.${size}`)}</option>`)}
          </d1-select>
          ${hasConfig
            ? html`<d1-button data-action="configure" variant="secondary" label=${t('configureNamed', { title })} @click=${() => this.#openConfig(instance.instanceId)}
                >${t('configure')}</d1-button
              >`
            : nothing}
        </div>
      </div>
    </d1-card>`;
  }

  #renderAddDialog(t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const chosen = this.#placeable.find((w) => w.id === this.adding.widget);
    const sizes = sizesOf(chosen);
    return html`<d1-dialog data-dialog="add" heading=${t('addHeading')} @d1-close=${this.#onDialogClosed}>
      ${this.#placeable.length === 0
        ? html`<p>${t('noServices')}</p>`
        : html`<div class="fields">
            <d1-select
              data-field="widget"
              label=${t('service')}
              hint=${t('serviceHint')}
              required
              .value=${this.adding.widget}
              @change=${(event: Event) => {
                const widget = (event.target as HTMLSelectElement).value;
                const offered = sizesOf(this.#placeable.find((w) => w.id === widget));
                const size = offered.includes(this.adding.size as WidgetSize) ? this.adding.size : (offered.includes('m') ? 'm' : (offered[0] ?? ''));
                this.adding = { widget, size };
              }}
            >
              ${this.#placeable.map((w) => html`<option value=${w.id}>${this.#title(w.id)} (${w.vendor.name})</option>`)}
            </d1-select>
            <d1-select
              data-field="size"
              label=${t('sizeLabel')}
              required
              ?disabled=${!chosen}
              .value=${this.adding.size}
              @change=${(event: Event) => (this.adding = { ...this.adding, size: (event.target as HTMLSelectElement).value as WidgetSize })}
            >
              ${sizes.map((size) => html`<option value=${size}>${t(`sizes.${size}`)}</option>`)}
            </d1-select>
          </div>`}
      <d1-button slot="footer" variant="secondary" @click=${() => this.#dialog('add')?.close('cancel')}>${t('cancel')}</d1-button>
      ${this.#placeable.length > 0
        ? html`<d1-button slot="footer" data-action="add-confirm" @click=${this.#confirmAdd}>${t('addConfirm')}</d1-button>`
        : nothing}
    </d1-dialog>`;
  }

  #openAdd = (): void => {
    this.adding = { widget: '', size: '' };
    this.#dialog('add')?.show();
  };

  #confirmAdd = (): void => {
    const dialog = this.#dialog('add');
    const controls = [...(dialog?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>('d1-select') ?? [])];
    const invalid = controls.find((control) => !control.reportValidity());
    if (invalid || !this.adding.widget || !this.adding.size) {
      invalid?.focus();
      return;
    }
    const instanceId = this.addInstance(this.adding.widget, this.adding.size);
    this.#focusAfterClose = instanceId;
    dialog?.close('add');
  };

  #onDialogClosed = (): void => {
    const target = this.#focusAfterClose;
    this.#focusAfterClose = undefined;
    if (target) void this.#focusCard(target);
  };

  // ---- config form ------------------------------------------------------------------------------------------------

  #openConfig(instanceId: string): void {
    const instance = this.instances.find((i) => i.instanceId === instanceId);
    if (!instance) return;
    const fields = configFields(this.#catalogue.get(instance.widget), this.locale);
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const value = instance.config?.[field.name] ?? field.default;
      if (value !== undefined) values[field.name] = value;
    }
    this.configuring = { instanceId, values, touched: new Set(), tried: false };
    void this.updateComplete.then(() => this.#dialog('config')?.show());
  }

  #fieldError(field: ConfigField): FieldError | undefined {
    const editing = this.configuring;
    if (!editing) return undefined;
    return checkField(field, editing.values[field.name]);
  }

  #setValue(field: ConfigField, value: unknown, touched: boolean): void {
    const editing = this.configuring;
    if (!editing) return;
    const values = { ...editing.values };
    if (value === undefined) delete values[field.name];
    else values[field.name] = value;
    const seen = new Set(editing.touched);
    if (touched) seen.add(field.name);
    this.configuring = { ...editing, values, touched: seen };
  }

  #hint(field: ConfigField, t: (key: ComposerKey, vars?: Record<string, string | number>) => string): string {
    const parts = field.description ? [field.description] : [];
    if (field.kind === 'number') {
      const range = field.minimum !== undefined && field.maximum !== undefined;
      const key = field.integer ? (range ? 'config.hints.integerRange' : 'config.hints.integer') : range ? 'config.hints.numberRange' : 'config.hints.number';
      parts.push(t(key, { min: field.minimum ?? '', max: field.maximum ?? '' }));
    } else if (field.kind === 'text' && field.maxLength !== undefined) {
      parts.push(field.minLength ? t('config.hints.length', { min: field.minLength, max: field.maxLength }) : t('config.hints.maxLength', { max: field.maxLength }));
    }
    return parts.join(' ');
  }

  #renderField(field: ConfigField, t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const editing = this.configuring!;
    const value = editing.values[field.name];
    const found = editing.tried || editing.touched.has(field.name) ? this.#fieldError(field) : undefined;
    // A missing required value is the design-system control's own message (it has `required`): not said twice.
    const error = found?.key === 'required' && field.kind !== 'boolean' ? undefined : found;
    // The design system's fields link their hint to the control with aria-describedby: a refused value's message
    // takes the hint's place, so that it is read with the field it belongs to.
    const hint = error ? `${t(`errors.${error.key}`, error.vars)} ${this.#hint(field, t)}`.trim() : this.#hint(field, t);
    switch (field.kind) {
      case 'choice':
        return html`<d1-select
          data-field=${field.name}
          label=${field.label}
          hint=${hint}
          ?data-invalid=${error !== undefined}
          ?required=${field.required}
          .value=${value === undefined ? '' : String(value)}
          @change=${(event: Event) => this.#setValue(field, parseFieldValue(field, (event.target as HTMLSelectElement).value), true)}
        >
          ${field.options.map((option) => html`<option value=${String(option)}>${String(option)}</option>`)}
        </d1-select>`;
      case 'boolean':
        return html`<d1-switch
          data-field=${field.name}
          label=${field.label}
          hint=${hint}
          .checked=${value === true}
          @change=${(event: Event) => this.#setValue(field, (event.target as HTMLInputElement).checked, true)}
        ></d1-switch>`;
      case 'text':
      case 'number':
        return html`<d1-text-field
          data-field=${field.name}
          label=${field.label}
          hint=${hint}
          ?data-invalid=${error !== undefined}
          ?required=${field.required}
          .value=${value === undefined ? '' : String(value)}
          @input=${(event: Event) => this.#setValue(field, parseFieldValue(field, (event.target as HTMLInputElement).value), false)}
          @change=${(event: Event) => this.#setValue(field, parseFieldValue(field, (event.target as HTMLInputElement).value), true)}
        ></d1-text-field>`;
      default:
        return html`<p data-field=${field.name}>
          ${t('config.unsupported', { label: field.label })}
          ${t('config.current', { value: value === undefined ? t('config.notSet') : JSON.stringify(value) })}
        </p>`;
    }
  }

  #renderConfigDialog(t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    const editing = this.configuring;
    const instance = editing ? this.instances.find((i) => i.instanceId === editing.instanceId) : undefined;
    const fields = instance ? configFields(this.#catalogue.get(instance.widget), this.locale) : [];
    const invalid = editing?.tried && fields.some((field) => this.#fieldError(field));
    return html`<d1-dialog
      data-dialog="config"
      heading=${instance ? t('config.heading', { title: this.#title(instance.widget) }) : ''}
      @d1-close=${this.#onConfigClosed}
    >
      ${instance
        ? html`<div class="fields">
            ${fields.length === 0 ? html`<p>${t('config.none')}</p>` : fields.map((field) => this.#renderField(field, t))}
            <p role="alert" class="error">${invalid ? t('config.invalid') : nothing}</p>
          </div>`
        : nothing}
      <d1-button slot="footer" variant="secondary" @click=${() => this.#dialog('config')?.close('cancel')}>${t('cancel')}</d1-button>
      <d1-button slot="footer" data-action="apply" @click=${this.#applyConfig}>${t('config.apply')}</d1-button>
    </d1-dialog>`;
  }

  #applyConfig = (): void => {
    const editing = this.configuring;
    const instance = editing ? this.instances.find((i) => i.instanceId === editing.instanceId) : undefined;
    if (!editing || !instance) return;
    const fields = configFields(this.#catalogue.get(instance.widget), this.locale);
    const firstInvalid = fields.find((field) => this.#fieldError(field));
    if (firstInvalid) {
      this.configuring = { ...editing, tried: true };
      // The controls' own messages (a missing required value) show too.
      const controls = this.#dialog('config')?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>('d1-select, d1-text-field') ?? [];
      for (const control of controls) control.reportValidity();
      void this.updateComplete.then(() => this.#dialog('config')?.querySelector<HTMLElement>(`[data-field="${firstInvalid.name}"]`)?.focus());
      return;
    }
    // Properties the form does not know (unsupported ones, or keys the schema no longer lists) are kept.
    const config = { ...instance.config };
    for (const field of fields) {
      if (field.kind === 'unsupported') continue;
      const value = editing.values[field.name];
      if (value === undefined) delete config[field.name];
      else config[field.name] = value;
    }
    const { config: _old, ...rest } = instance;
    const next: DashboardInstance = Object.keys(config).length > 0 ? { ...rest, config } : rest;
    this.instances = this.instances.map((i) => (i.instanceId === instance.instanceId ? next : i));
    this.#changed();
    this.#announce('announce.configured', { title: this.#title(instance.widget) });
    this.#dialog('config')?.close('apply');
  };

  #onConfigClosed = (): void => {
    this.configuring = undefined;
  };

  #renderConfirmDialogs(t: (key: ComposerKey, vars?: Record<string, string | number>) => string): TemplateResult {
    return html`<d1-dialog data-dialog="discard" heading=${t('discardHeading')} @d1-close=${(event: CustomEvent) => {
        if ((event.currentTarget as D1Dialog).returnValue === 'discard') void this.#discard();
      }}>
        <p>${t('discardBody')}</p>
        <d1-button slot="footer" variant="secondary" @click=${() => this.#dialog('discard')?.close('cancel')}>${t('cancel')}</d1-button>
        <d1-button slot="footer" variant="danger" data-action="discard-confirm" @click=${() => this.#dialog('discard')?.close('discard')}
          >${t('discardConfirm')}</d1-button
        >
      </d1-dialog>
      <d1-dialog data-dialog="leave" heading=${t('leaveHeading')} @d1-close=${(event: CustomEvent) => {
        const answer = this.#leaveAnswer;
        this.#leaveAnswer = undefined;
        answer?.((event.currentTarget as D1Dialog).returnValue === 'leave');
      }}>
        <p>${t('leaveBody')}</p>
        <d1-button slot="footer" variant="secondary" @click=${() => this.#dialog('leave')?.close('stay')}>${t('stay')}</d1-button>
        <d1-button slot="footer" data-action="leave" @click=${() => this.#dialog('leave')?.close('leave')}>${t('leave')}</d1-button>
      </d1-dialog>`;
  }

  // ---- drag and drop ----------------------------------------------------------------------------------------------

  #onDragStart(event: DragEvent, instanceId: string): void {
    this.dragging = instanceId;
    event.dataTransfer?.setData('text/plain', instanceId);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #onDragOver = (event: DragEvent): void => {
    if (this.dragging === undefined) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
  };

  #onDrop = (event: DragEvent): void => {
    const dragged = this.dragging;
    if (dragged === undefined) return;
    event.preventDefault();
    const card = (event.target as Element).closest?.('d1-card');
    const target = card?.getAttribute('data-instance') ?? this.dropTarget;
    this.dragging = this.dropTarget = undefined;
    const from = this.instances.findIndex((i) => i.instanceId === dragged);
    const to = this.instances.findIndex((i) => i.instanceId === target);
    if (from >= 0 && to >= 0) this.moveInstance(from, to);
  };

  #onDragEnd = (): void => {
    this.dragging = this.dropTarget = undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'digione-composer': DigioneComposer;
  }
  interface HTMLElementEventMap {
    'composer-saved': CustomEvent<Draft>;
    'composer-discarded': CustomEvent<undefined>;
    'composer-state': CustomEvent<SaveState>;
  }
}

if (!customElements.get('digione-composer')) customElements.define('digione-composer', DigioneComposer);
