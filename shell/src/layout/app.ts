import { html, nothing, render, type TemplateResult } from 'lit';
import { LOCALES, PlatformApiError, type Child, type Locale, type PlatformUser, type Role } from '@digione/sdk';
import { accessToken, currentUser, justSignedOut, signIn, signOut } from '../auth/session.js';
import { config } from '../config.js';
import { currentLocale, onLocaleChange, setLocale, t } from '../locale/locale.js';
import { LANGUAGE_NAMES } from '../locale/resources.js';
import { fetchDashboard, fetchMe, type ResolvedDashboard, type TenantInfo } from '../platform/registry.js';
import { Toaster } from '../notifications/toaster.js';
import { createWidgetContext, type ContextServices, type ContextSource } from '../runtime/context.js';
import { EventBus } from '../runtime/event-bus.js';
import { WidgetFrame } from '../runtime/frame.js';

type ErrorKey = 'errors.signInFailed' | 'errors.providerDown' | 'errors.registryDown' | 'errors.forbidden';

type View =
  | { kind: 'landing'; signedOut: boolean; busy: boolean }
  | { kind: 'loading' }
  | { kind: 'error'; message: ErrorKey; retry: () => void }
  | { kind: 'no-roles'; user: PlatformUser }
  | { kind: 'dashboard'; user: PlatformUser; role: Role; tenant: TenantInfo; child: Child | undefined; dashboard: ResolvedDashboard };

const ROLE_KEY = 'digione.role';
const CHILD_KEY = 'digione.child';

/**
 * The shell's one single-spa application: header, landing page and the role's dashboard. Widgets are parcels
 * mounted into frames inside it.
 */
export class ShellApp {
  private view: View = { kind: 'loading' };
  private frames: WidgetFrame[] = [];
  private tenants: TenantInfo[] = [];
  private stopLocale: (() => void) | undefined;
  private toaster: Toaster | undefined;
  private generation = 0;

  constructor(
    private readonly header: HTMLElement,
    private readonly main: HTMLElement,
  ) {}

  async mount(): Promise<void> {
    this.main.replaceChildren(); // the skeleton index.html painted before any script ran
    this.stopLocale = onLocaleChange(() => this.paint());
    this.toaster = new Toaster();
    document.body.append(this.toaster.element);
    const user = await currentUser();
    if (!user) {
      this.show({ kind: 'landing', signedOut: justSignedOut(), busy: false });
      return;
    }
    await this.loadUser();
  }

  async unmount(): Promise<void> {
    this.stopLocale?.();
    await this.disposeFrames();
    this.toaster?.dispose();
    this.toaster = undefined;
    render(nothing, this.header);
    render(nothing, this.main);
  }

  /** Shows an error that happened before the app could load the user (e.g. a failed sign-in callback). */
  showError(message: ErrorKey, retry: () => void): void {
    this.show({ kind: 'error', message, retry });
  }

  private async loadUser(): Promise<void> {
    this.show({ kind: 'loading' });
    let user: PlatformUser;
    try {
      const me = await fetchMe();
      user = me.user;
      this.tenants = me.tenants;
    } catch (error) {
      this.show({ kind: 'error', message: 'errors.registryDown', retry: () => void this.loadUser() });
      console.error('[digione] /v1/me failed:', error);
      return;
    }
    if (user.roleNames.length === 0) {
      this.show({ kind: 'no-roles', user });
      return;
    }
    const saved = sessionStorage.getItem(ROLE_KEY);
    const role = user.roleNames.find((r) => r === saved) ?? user.roleNames[0]!;
    await this.openDashboard(user, role);
  }

  private tenantInfo(id: string): TenantInfo {
    return this.tenants.find((tenant) => tenant.id === id) ?? { id, name: { fi: id, sv: id, en: id } };
  }

  private async openDashboard(user: PlatformUser, role: Role, childOid?: string): Promise<void> {
    const generation = ++this.generation;
    sessionStorage.setItem(ROLE_KEY, role);
    let child: Child | undefined;
    if (role === 'guardian') {
      const wanted = childOid ?? sessionStorage.getItem(CHILD_KEY);
      child = user.children.find((c) => c.learnerOid === wanted) ?? user.children[0];
      if (child) sessionStorage.setItem(CHILD_KEY, child.learnerOid);
    }
    const tenantId = child?.tenant ?? user.roles.find((r) => r.role === role)?.tenant ?? user.tenants[0]!;
    await this.disposeFrames();
    this.show({ kind: 'loading' });
    let dashboard: ResolvedDashboard;
    try {
      dashboard = await fetchDashboard(role, tenantId);
    } catch (error) {
      if (generation !== this.generation) return;
      const forbidden = error instanceof PlatformApiError && error.status === 403;
      console.error('[digione] dashboard failed:', error);
      this.show({
        kind: 'error',
        message: forbidden ? 'errors.forbidden' : 'errors.registryDown',
        retry: () => void this.openDashboard(user, role, childOid),
      });
      return;
    }
    if (generation !== this.generation) return;
    const tenant = this.tenantInfo(tenantId);
    this.show({ kind: 'dashboard', user, role, tenant, child, dashboard });
    this.startFrames({ user, role, tenant, actingFor: child }, dashboard);
  }

  private startFrames(source: ContextSource, dashboard: ResolvedDashboard): void {
    const grid = this.main.querySelector('d1-grid');
    if (!grid) return;
    // One bus per dashboard: a role or child switch starts the widgets, and their conversations, afresh.
    const services: ContextServices = {
      bus: new EventBus(),
      notify: (notification, manifest) => this.toaster?.show({ ...notification, sourceId: manifest.id, source: manifest.title }),
      navigation: { root: grid },
      apiUrl: config.apiUrl,
      token: accessToken,
    };
    for (const item of dashboard.layout) {
      const manifest = dashboard.widgets[item.widget];
      if (!manifest) continue;
      const frame = new WidgetFrame(manifest, item.instanceId, item.size, (m, instanceId, scope) =>
        createWidgetContext(services, source, m, instanceId, item.config ?? {}, scope),
      );
      this.frames.push(frame);
      grid.append(frame.element);
    }
    for (const frame of this.frames) void frame.start();
  }

  private async disposeFrames(): Promise<void> {
    const frames = this.frames.splice(0);
    await Promise.all(frames.map((frame) => frame.dispose()));
  }

  private show(view: View): void {
    this.view = view;
    this.paint();
  }

  private paint(): void {
    render(this.renderHeader(), this.header);
    render(this.renderMain(), this.main);
  }

  private renderLanguages(): TemplateResult {
    const active = currentLocale();
    return html`<div class="languages" role="group" aria-label=${t('language')}>
      ${LOCALES.map(
        (locale: Locale) => html`<button
          type="button"
          lang=${locale}
          aria-pressed=${String(locale === active)}
          @click=${() => void setLocale(locale)}
        >
          ${LANGUAGE_NAMES[locale]}
        </button>`,
      )}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    const view = this.view;
    const signedIn = view.kind === 'dashboard' || view.kind === 'no-roles';
    return html`
      <a class="skip-link" href="#main">${t('skipToContent')}</a>
      <div class="bar">
        <span class="brand">${t('appName')}${view.kind === 'dashboard' ? html` <span class="tenant">${view.tenant.name[currentLocale()]}</span>` : nothing}</span>
        ${view.kind === 'dashboard' ? this.renderSwitchers(view.user, view.role, view.child) : nothing}
        ${this.renderLanguages()}
        ${signedIn
          ? html`<span class="user">${t('header.signedInAs', { name: view.user.displayName })}</span>
              <d1-button variant="secondary" @click=${() => void signOut()}>${t('header.signOut')}</d1-button>`
          : nothing}
      </div>
    `;
  }

  private renderSwitchers(user: PlatformUser, role: Role, child: Child | undefined): TemplateResult {
    return html`
      ${user.roleNames.length > 1
        ? html`<label class="switcher"
            >${t('header.role')}
            <select
              @change=${(e: Event) => void this.openDashboard(user, (e.target as HTMLSelectElement).value as Role)}
            >
              ${user.roleNames.map((r) => html`<option value=${r} ?selected=${r === role}>${t(`roles.${r}`)}</option>`)}
            </select></label
          >`
        : nothing}
      ${role === 'guardian' && user.children.length > 0
        ? html`<label class="switcher"
            >${t('header.child')}
            <select
              @change=${(e: Event) => void this.openDashboard(user, role, (e.target as HTMLSelectElement).value)}
            >
              ${user.children.map(
                (c) => html`<option value=${c.learnerOid} ?selected=${c.learnerOid === child?.learnerOid}>${c.name}</option>`,
              )}
            </select></label
          >`
        : nothing}
    `;
  }

  private renderMain(): TemplateResult {
    const view = this.view;
    switch (view.kind) {
      case 'landing':
        return html`<div class="landing">
          <h1>${t('landing.title')}</h1>
          ${view.signedOut ? html`<p role="status" class="notice">${t('landing.signedOut')}</p>` : nothing}
          <p>${t('landing.lead')}</p>
          <d1-button variant="primary" ?loading=${view.busy} @click=${() => this.startSignIn()}
            >${t('landing.signIn')}</d1-button
          >
        </div>`;
      case 'loading':
        return html`<p class="status" role="status">${t('loading')}</p>`;
      case 'error':
        return html`<div class="problem" role="alert">
          <h1>${t('errors.title')}</h1>
          <p>${t(view.message)}</p>
          <d1-button variant="primary" @click=${view.retry}>${t('errors.tryAgain')}</d1-button>
        </div>`;
      case 'no-roles':
        return html`<div class="problem"><h1>${t('errors.title')}</h1><p>${t('dashboard.noRoles')}</p></div>`;
      case 'dashboard':
        return html`<h1 class="dashboard-title">
            ${t('dashboard.heading', { role: t(`roles.${view.role}`), tenant: view.tenant.name[currentLocale()] })}
          </h1>
          ${view.dashboard.layout.length === 0 ? html`<p>${t('dashboard.empty')}</p>` : nothing}
          <d1-grid></d1-grid>`;
    }
  }

  private startSignIn(): void {
    this.show({ kind: 'landing', signedOut: false, busy: true });
    signIn().catch((error: unknown) => {
      console.error('[digione] sign-in redirect failed:', error);
      this.show({ kind: 'error', message: 'errors.providerDown', retry: () => this.startSignIn() });
    });
  }
}
