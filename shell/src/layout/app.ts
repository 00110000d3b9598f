import { html, nothing, render, type TemplateResult } from 'lit';
import { LOCALES, PlatformApiError, type Child, type Locale, type PlatformUser, type Role, type School } from '@digione/sdk';
import {
  callbackProblem,
  currentUser,
  justSignedOut,
  onSession,
  PREFERENCE_PREFIX,
  RenewalUnavailableError,
  signIn,
  signOut,
  userKeyOf,
  widgetToken,
  type SessionEnd,
} from '../auth/session.js';
import { config } from '../config.js';
import { currentLocale, onLocaleChange, setLocale, t } from '../locale/locale.js';
import { LANGUAGE_NAMES } from '../locale/resources.js';
import type { WidgetManifest } from '@digione/manifests/types';
import { fetchDashboard, fetchMe, type ResolvedDashboard, type TenantInfo } from '../platform/registry.js';
import { brandPage, preloadTheming } from './brand.js';
import { Toaster } from '../notifications/toaster.js';
import { createWidgetContext, schoolsOf, widgetPlace, type ContextServices, type ContextSource } from '../runtime/context.js';
import { EventBus } from '../runtime/event-bus.js';
import { WidgetFrame } from '../runtime/frame.js';
import { preconnectWidget, preloadWidgetEntry, prepareWidgetRuntime } from '../runtime/preload.js';
import { NearViewport } from '../runtime/visibility.js';
import type { D1Select } from '@digione/design-system/components/select/select.component.js';
import { footerElement, isStatementPage, renderFooter } from './footer.js';
import { loadOnce } from '../load-once.js';

type ErrorKey =
  | 'errors.signInFailed'
  | 'errors.signInCancelled'
  | 'errors.providerDown'
  | 'errors.registryDown'
  | 'errors.forbidden';

/** Why the landing page is shown again. */
type LandingNotice = 'signedOut' | 'sessionEnded' | undefined;

/** A one-off message above the dashboard. */
type Notice = { key: 'dashboard.roleRevoked' | 'dashboard.childRevoked'; role: Role } | undefined;

type View =
  | { kind: 'landing'; notice: LandingNotice; busy: boolean }
  | { kind: 'loading' }
  /** The accessibility statement (/accessibility), whose module is imported only there. */
  | { kind: 'statement'; render: (locale: Locale) => TemplateResult }
  | { kind: 'error'; message: ErrorKey; retry: () => void; action?: 'errors.tryAgain' | 'errors.signInAgain' }
  | { kind: 'no-roles'; user: PlatformUser; revoked?: Role }
  | { kind: 'dashboard'; user: PlatformUser; role: Role; tenant: TenantInfo; child: Child | undefined; dashboard: ResolvedDashboard; school?: School | undefined }
  /** The admin area (/admin/…, shell/src/admin/area.ts, imported only there); `tenant` undefined: not an admin. */
  | { kind: 'admin'; user: PlatformUser; role: Role; tenant: TenantInfo | undefined; path: string };

/** Is `pathname` in the admin area? */
function isAdminPath(pathname: string = location.pathname): boolean {
  return /^\/admin(\/|$)/.test(pathname);
}

/**
 * A user with several roles, a guardian with children, or a user holding a role in several schools of a tenant has
 * switchers in the header; most users have none.
 */
function needsSwitchers(user: PlatformUser): boolean {
  return (
    user.roleNames.length > 1 ||
    (user.roleNames.includes('guardian') && user.children.length > 0) ||
    user.roles.some((r) => schoolsOf(user, r.role, r.tenant).length > 1)
  );
}

/**
 * Defines `d1-select` for the switchers. It is not part of the shell's first load (tests/size/shell-js.ts LAZY):
 * only users with several roles or children need it, so it is fetched when such a user is known, in parallel with
 * their dashboard. A failed fetch is retried at the next paint; until then the header has no switcher to use.
 */
const loadSwitchers = loadOnce(() => import('@digione/design-system/components/select/select.js'), 'the role and child switchers');

/** The child a guardian last acted for, in this tab (cleared at sign-out with every other `digione.` key). */
const CHILD_KEY = 'digione.child';

/** Where the role a user last chose is remembered, per user, under a hash of `sub` (never the raw id). */
async function rolePreferenceKey(user: PlatformUser): Promise<string> {
  return `${PREFERENCE_PREFIX}${await userKeyOf(user.id)}.role`;
}

/** Where the school a user last chose for a role held in several schools is remembered, like the role. */
async function schoolPreferenceKey(user: PlatformUser, role: Role): Promise<string> {
  return `${PREFERENCE_PREFIX}${await userKeyOf(user.id)}.school.${role}`;
}

/** The tenant's name in the header: its theme's (which its admin edits), else its registry name. */
function tenantName(tenant: TenantInfo): string {
  return (tenant.theme?.name ?? tenant.name)[currentLocale()];
}

/**
 * The shell's one single-spa application: header, landing page and the role's dashboard. Widgets are parcels
 * mounted into frames inside it.
 */
export class ShellApp {
  private view: View = { kind: 'loading' };
  private frames: WidgetFrame[] = [];
  /** Starts the dashboard's widgets below the fold when they are scrolled near; ends with the dashboard. */
  private nearViewport: NearViewport | undefined;
  private tenants: TenantInfo[] = [];
  private stopLocale: (() => void) | undefined;
  private toaster: Toaster | undefined;
  private generation = 0;
  private stopSession: (() => void) | undefined;
  /** Renewal cannot reach the provider. */
  private renewalTrouble = false;
  /** How far the device's clock is ahead of the provider's (ms), when beyond the tolerance. */
  private clockAheadMs: number | undefined;
  /** When the sign-in ends for good, once the warning is due. */
  private endingAt: number | undefined;
  private notice: Notice;
  /** The page's footer (contentinfo), with the accessibility statement's link on every page. */
  private footer: HTMLElement | undefined;
  /** After every URL change single-spa has let through (a leave prompt may cancel one), show what the URL names. */
  private readonly onRouting = (): void => void this.route();
  /** Opens `path` of the shell in this page: the header's and the admin area's links. */
  private readonly navigateTo = (path: string): void => {
    if (path !== location.pathname) history.pushState(null, '', path);
  };

  constructor(
    private readonly header: HTMLElement,
    private readonly main: HTMLElement,
  ) {}

  async mount(): Promise<void> {
    this.main.replaceChildren(); // the skeleton index.html painted before any script ran
    this.footer = footerElement(this.main);
    this.stopLocale = onLocaleChange(() => this.paint());
    this.toaster = new Toaster();
    document.body.append(this.toaster.element);
    this.stopSession = onSession({
      ended: (reason) => void this.sessionEnded(reason),
      renewed: () => void this.recheckRoles(),
      renewalTrouble: (failing) => {
        this.renewalTrouble = failing;
        this.paint();
      },
      clockSkew: (aheadMs) => {
        this.clockAheadMs = aheadMs;
        this.paint();
      },
      endingSoon: (endsAt) => {
        this.endingAt = endsAt;
        this.paint();
      },
    });
    window.addEventListener('single-spa:routing-event', this.onRouting);
    await this.start();
  }

  private async start(): Promise<void> {
    this.show({ kind: 'loading' });
    if (isStatementPage()) {
      const { renderStatement } = await import('./statement.js');
      this.show({ kind: 'statement', render: renderStatement });
      return;
    }
    // "Preview as" (admin/preview-page.ts, its own chunk): the session is the preview its same-origin parent hands over.
    if (location.pathname === '/preview') return (await import('../admin/preview-page.js')).startPreview(this.main, () => this.loadUser());
    let user;
    try {
      user = await currentUser();
    } catch (error) {
      console.error('[digione] restoring the session failed:', error);
      if (error instanceof RenewalUnavailableError) {
        this.show({ kind: 'error', message: 'errors.providerDown', retry: () => void this.start() });
      } else {
        // The store cannot be read (storage disabled or broken): offer a fresh sign-in rather than a blank page.
        this.show({ kind: 'error', message: 'errors.signInFailed', retry: () => this.startSignIn(), action: 'errors.signInAgain' });
      }
      return;
    }
    if (!user) {
      this.show({ kind: 'landing', notice: justSignedOut() ? 'signedOut' : undefined, busy: false });
      return;
    }
    await this.loadUser();
  }

  /** The session ended here or in another tab: nothing of the previous user may stay on screen. */
  private async sessionEnded(reason: SessionEnd): Promise<void> {
    this.generation++;
    this.endingAt = undefined;
    this.renewalTrouble = false;
    this.notice = undefined;
    await this.disposeFrames();
    justSignedOut(); // consumed here: the notice below says it
    this.show({ kind: 'landing', notice: reason === 'signed-out' ? 'signedOut' : 'sessionEnded', busy: false });
  }

  /**
   * After tokens were renewed, the claims may differ: a role or a mandate may have been revoked. If the active one is
   * gone, fall back to another role (or the no-roles page) and say why.
   */
  private async recheckRoles(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'dashboard') return;
    const generation = this.generation;
    let user: PlatformUser;
    try {
      user = (await fetchMe()).user;
    } catch (error) {
      console.warn('[digione] /v1/me after renewal failed:', error);
      return;
    }
    if (generation !== this.generation) return;
    if (!user.roleNames.includes(view.role)) {
      if (user.roleNames.length === 0) {
        this.generation++;
        await this.disposeFrames();
        this.show({ kind: 'no-roles', user, revoked: view.role });
        return;
      }
      this.notice = { key: 'dashboard.roleRevoked', role: view.role };
      await this.openDashboard(user, user.roleNames[0]!);
      return;
    }
    if (view.child && !user.children.some((c) => c.learnerOid === view.child?.learnerOid)) {
      this.notice = { key: 'dashboard.childRevoked', role: view.role };
      sessionStorage.removeItem(CHILD_KEY);
      if (user.children.length === 0) {
        const other = user.roleNames.find((r) => r !== 'guardian');
        if (other) await this.openDashboard(user, other);
        else {
          this.generation++;
          await this.disposeFrames();
          this.show({ kind: 'no-roles', user, revoked: view.role });
        }
        return;
      }
      await this.openDashboard(user, view.role);
      return;
    }
    // The school the user acted in is no longer theirs in this role: another school of the role, or the tenant's.
    const school = view.school;
    if (school && !schoolsOf(user, view.role, school.tenant).some((s) => s.oid === school.oid)) await this.openDashboard(user, view.role);
  }

  async unmount(): Promise<void> {
    this.stopLocale?.();
    this.stopSession?.();
    window.removeEventListener('single-spa:routing-event', this.onRouting);
    await this.disposeFrames();
    this.toaster?.dispose();
    this.toaster = undefined;
    render(nothing, this.header);
    render(nothing, this.main);
    if (this.footer) render(nothing, this.footer);
  }

  /** Shows an error that happened before the app could load the user (e.g. a failed sign-in callback). */
  showError(message: ErrorKey, retry: () => void): void {
    this.show({ kind: 'error', message, retry });
  }

  /**
   * A sign-in callback failed (cancelled at the provider, unknown or replayed state, provider unreachable): say so in
   * the user's language and offer to sign in again. Never redirects by itself, so there is no loop.
   */
  signInFailed(error: unknown): void {
    const problem = callbackProblem(error);
    const message: ErrorKey =
      problem === 'cancelled' ? 'errors.signInCancelled' : problem === 'provider-down' ? 'errors.providerDown' : 'errors.signInFailed';
    this.show({ kind: 'error', message, retry: () => this.startSignIn(), action: 'errors.signInAgain' });
  }

  private async loadUser(): Promise<void> {
    this.show({ kind: 'loading' });
    // A signed-in user will almost always see a dashboard: its widget runtime loads while /v1/me and the dashboard
    // are fetched (no-op when already loaded or loading).
    prepareWidgetRuntime();
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
    if (isAdminPath()) {
      await this.openAdmin(user);
      return;
    }
    const saved = localStorage.getItem(await rolePreferenceKey(user));
    const role = user.roleNames.find((r) => r === saved) ?? user.roleNames[0]!;
    await this.openDashboard(user, role);
  }

  /**
   * The admin area: its module (and the design-system components it uses) is fetched only now. A user without the
   * admin role gets its localized "not available for your role" page; the registry refuses them its admin API anyway.
   */
  private async openAdmin(user: PlatformUser): Promise<void> {
    const generation = ++this.generation;
    await this.disposeFrames();
    this.show({ kind: 'loading' });
    const membership = user.roles.find((r) => r.role === 'admin');
    const saved = localStorage.getItem(await rolePreferenceKey(user));
    try {
      await import('../admin/area.js');
    } catch (error) {
      if (generation !== this.generation) return;
      console.error('[digione] the admin area could not be loaded:', error);
      this.show({ kind: 'error', message: 'errors.registryDown', retry: () => void this.openAdmin(user) });
      return;
    }
    if (generation !== this.generation) return;
    const role = membership ? 'admin' : (user.roleNames.find((r) => r === saved) ?? user.roleNames[0]!);
    const tenant = membership ? this.tenantInfo(membership.tenant) : undefined;
    if (tenant) await brandPage(tenant);
    if (generation !== this.generation) return;
    this.show({ kind: 'admin', user, role, tenant, path: location.pathname });
  }

  /** The URL changed inside the page: between the dashboard and the admin area, or within the admin area. */
  private async route(): Promise<void> {
    const view = this.view;
    if (view.kind !== 'dashboard' && view.kind !== 'admin') return;
    if (isAdminPath()) {
      if (view.kind === 'admin') {
        if (view.path === location.pathname) return;
        this.show({ ...view, path: location.pathname });
      } else await this.openAdmin(view.user);
      // Keyboard and screen reader users continue from the new page's heading.
      await this.main.querySelector('digione-admin')?.focusHeading();
    } else if (view.kind === 'admin') {
      const saved = localStorage.getItem(await rolePreferenceKey(view.user));
      await this.openDashboard(view.user, view.user.roleNames.find((r) => r === saved) ?? view.role);
      this.main.focus();
    }
  }

  private tenantInfo(id: string): TenantInfo {
    return this.tenants.find((tenant) => tenant.id === id) ?? { id, name: { fi: id, sv: id, en: id } };
  }

  private async openDashboard(user: PlatformUser, role: Role, childOid?: string, schoolOid?: string): Promise<void> {
    const generation = ++this.generation;
    // The previous context's widgets go before anything of the new one is fetched or mounted.
    await this.disposeFrames();
    localStorage.setItem(await rolePreferenceKey(user), role);
    let child: Child | undefined;
    if (role === 'guardian') {
      const wanted = childOid ?? sessionStorage.getItem(CHILD_KEY);
      child = user.children.find((c) => c.learnerOid === wanted) ?? user.children[0];
      if (child) sessionStorage.setItem(CHILD_KEY, child.learnerOid);
    }
    const tenantId = child?.tenant ?? user.roles.find((r) => r.role === role)?.tenant ?? user.tenants[0]!;
    // A role held in several schools: the chosen school, else the one last chosen for the role, else the first.
    const schools = schoolsOf(user, role, tenantId);
    const schoolKey = await schoolPreferenceKey(user, role);
    const school = schools.find((s) => s.oid === (schoolOid ?? localStorage.getItem(schoolKey))) ?? schools[0];
    if (school && schools.length > 1) localStorage.setItem(schoolKey, school.oid);
    if (generation !== this.generation) return;
    this.show({ kind: 'loading' });
    // The switchers' component loads while the dashboard is fetched, so the header shows them ready to use.
    const switchers = needsSwitchers(user) ? loadSwitchers() : undefined;
    // So is the widget runtime (not part of the shell's first load): the first widget waits for no extra round trip.
    prepareWidgetRuntime();
    preloadTheming();
    let dashboard: ResolvedDashboard;
    try {
      dashboard = await fetchDashboard(role, tenantId, school?.oid);
      await switchers;
    } catch (error) {
      if (generation !== this.generation) return;
      const forbidden = error instanceof PlatformApiError && error.status === 403;
      console.error('[digione] dashboard failed:', error);
      this.show({
        kind: 'error',
        message: forbidden ? 'errors.forbidden' : 'errors.registryDown',
        retry: () => void this.openDashboard(user, role, childOid, schoolOid),
      });
      return;
    }
    if (generation !== this.generation) return;
    await this.disposeFrames();
    const tenant = this.tenantInfo(tenantId);
    // The tenant's colours are on before its dashboard shows (and change with a child or role in another tenant).
    await brandPage(tenant);
    if (generation !== this.generation) return;
    this.show({ kind: 'dashboard', user, role, tenant, child, dashboard, school });
    this.startFrames({ user, role, tenant, actingFor: child, school: school?.oid }, dashboard);
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
      // Each widget's own exchanged token (auth/widget-tokens.ts), never the shell's.
      token: widgetToken,
    };
    const placed: Array<{ frame: WidgetFrame; manifest: WidgetManifest }> = [];
    for (const item of dashboard.layout) {
      const manifest = dashboard.widgets[item.widget];
      if (!manifest) continue;
      preconnectWidget(manifest);
      const frame = new WidgetFrame(
        manifest,
        item.instanceId,
        item.size,
        (m, instanceId, scope) => createWidgetContext(services, source, m, instanceId, item.config ?? {}, scope),
        { tenant: source.tenant.id },
      );
      this.frames.push(frame);
      placed.push({ frame, manifest });
      grid.append(frame.element);
    }
    // Each frame keeps its skeleton (`data-deferred`) until it is within reach of the viewport: the observer's first
    // report, right after this layout, starts every widget in view at once and in parallel, each entry fetched by
    // a preload hint rather than one runtime step later; the rest start as they are scrolled near.
    const near = new NearViewport();
    this.nearViewport = near;
    for (const { frame, manifest } of placed) {
      frame.element.dataset.deferred = '';
      near.whenNear(frame.element, () => {
        delete frame.element.dataset.deferred;
        preloadWidgetEntry(manifest);
        // Its token is exchanged while its code loads rather than at its first call (auth/widget-tokens.ts), and
        // only when it starts: a widget below the fold that is never scrolled near costs no exchange.
        if (manifest.kind !== 'link') void widgetToken(widgetPlace(manifest, source)).catch(() => undefined);
        void frame.start();
      });
    }
  }

  /**
   * Unmounts the widgets while the session still holds (so that they can finish, and their failures can be
   * reported), then signs out. A widget whose unmount hangs delays signing out by at most two seconds.
   */
  private async signOutClicked(): Promise<void> {
    this.generation++;
    await Promise.race([this.disposeFrames(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await signOut();
  }

  private async disposeFrames(): Promise<void> {
    this.nearViewport?.dispose();
    this.nearViewport = undefined;
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
    if (this.footer) render(renderFooter(), this.footer);
  }

  /**
   * The language switcher: one design-system button per language, named in its own language (and marked with its
   * `lang`, so that a screen reader pronounces it right). It is a set of toggle buttons: the active one is pressed
   * (`aria-pressed="true"`, announced as such, and drawn filled), so that its state rests neither on colour alone nor
   * on words added to its name, which stays exactly "Suomi", "Svenska" or "English".
   */
  private renderLanguages(): TemplateResult {
    const active = currentLocale();
    return html`<div class="languages" role="group" aria-label=${t('language')}>
      ${LOCALES.map(
        (locale: Locale) =>
          html`<d1-button
            variant=${locale === active ? 'primary' : 'ghost'}
            .pressed=${locale === active}
            lang=${locale}
            data-locale=${locale}
            ?data-current=${locale === active}
            @click=${() => void setLocale(locale)}
            >${LANGUAGE_NAMES[locale]}</d1-button
          >`,
      )}
    </div>`;
  }

  private renderHeader(): TemplateResult {
    const view = this.view;
    const signedIn = view.kind === 'dashboard' || view.kind === 'no-roles' || view.kind === 'admin';
    const tenant = view.kind === 'dashboard' || view.kind === 'admin' ? view.tenant : undefined;
    return html`
      <d1-link class="skip-link" href="#main">${t('skipToContent')}</d1-link>
      ${signedIn ? this.renderSessionBanners() : nothing}
      <div class="bar">
        <span class="brand"
          >${t('appName')}${tenant
            ? html`${tenant.theme?.logo
                  ? html` <img class="tenant-logo" src=${tenant.theme.logo} alt=${tenantName(tenant)} />`
                  : nothing}
                <span class="tenant">${tenantName(tenant)}</span>`
            : nothing}</span
        >
        ${view.kind === 'dashboard' || view.kind === 'admin'
          ? this.renderSwitchers(view.user, view.role, view.kind === 'dashboard' ? view.child : undefined, view.kind === 'dashboard' ? view.school : undefined)
          : nothing}
        ${this.renderAreaLink()}
        ${this.renderLanguages()}
        ${signedIn
          ? html`<span class="user">${t('header.signedInAs', { name: view.user.displayName })}</span>
              <d1-button variant="secondary" @click=${() => void this.signOutClicked()}>${t('header.signOut')}</d1-button>`
          : nothing}
      </div>
    `;
  }

  /**
   * The admin's way between their dashboard and the admin area (/admin/…); shown in the admin area to anyone who
   * opened it, so that a user it is not for has a way back.
   */
  private renderAreaLink(): TemplateResult | typeof nothing {
    const view = this.view;
    const inAdmin = view.kind === 'admin';
    if (!inAdmin && !(view.kind === 'dashboard' && view.role === 'admin')) return nothing;
    const path = inAdmin ? '/' : '/admin/catalogue';
    return html`<nav class="area-nav" aria-label=${t('header.mainNav')}>
      <d1-link
        href=${path}
        data-nav=${inAdmin ? 'dashboard' : 'admin'}
        @click=${(event: MouseEvent) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          this.navigateTo(path);
        }}
        >${t(inAdmin ? 'header.dashboard' : 'header.admin')}</d1-link
      >
    </nav>`;
  }

  /** A switch the user chose: any earlier notice is about the previous context and goes with it. */
  private async switchTo(user: PlatformUser, role: Role, childOid?: string, schoolOid?: string): Promise<void> {
    this.notice = undefined;
    if (isAdminPath()) {
      // From the admin area: the chosen role's dashboard, through the router (a draft's leave prompt may stop it).
      localStorage.setItem(await rolePreferenceKey(user), role);
      this.navigateTo('/');
      return;
    }
    await this.openDashboard(user, role, childOid, schoolOid);
    // The page under the switcher was replaced: keyboard and screen-reader users continue from the new content
    // (index.html gives <main> tabindex="-1"), not from a control whose context is gone.
    this.main.focus();
  }

  /** Renewal trouble and the end-of-sign-in warning: live regions, so screen readers announce them. */
  private renderSessionBanners(): TemplateResult {
    const endingAt = this.endingAt;
    return html`<div class="session-banners">
      ${this.renewalTrouble
        ? html`<p class="notice" role="status" data-session="renewal-trouble">${t('session.renewalTrouble')}</p>`
        : nothing}
      ${this.clockAheadMs !== undefined
        ? html`<p class="notice" role="status" data-session="clock-skew">
            ${t(this.clockAheadMs > 0 ? 'session.clockAhead' : 'session.clockBehind', {
              minutes: Math.round(Math.abs(this.clockAheadMs) / 60_000),
            })}
          </p>`
        : nothing}
      ${endingAt !== undefined
        ? html`<div class="notice" role="alert" data-session="ending-soon">
            <p>
              ${t('session.endingSoon', {
                time: new Date(endingAt).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' }),
              })}
            </p>
            <d1-button variant="primary" @click=${() => this.startSignIn(true)}>${t('session.staySignedIn')}</d1-button>
            <d1-button
              variant="secondary"
              @click=${() => {
                this.endingAt = undefined;
                this.paint();
              }}
              >${t('session.later')}</d1-button
            >
          </div>`
        : nothing}
    </div>`;
  }

  /**
   * The role and child switchers: design-system selects (a native `<select>` with a real label), loaded with the
   * first header that shows one (see `loadSwitchers`). Each choice opens that context's dashboard at once.
   */
  private renderSwitchers(user: PlatformUser, role: Role, child: Child | undefined, school: School | undefined): TemplateResult {
    if (!needsSwitchers(user)) return html``;
    void loadSwitchers();
    const schools = school ? schoolsOf(user, role, school.tenant) : [];
    return html`
      ${user.roleNames.length > 1
        ? html`<d1-select
            class="switcher"
            data-switcher="role"
            label=${t('header.role')}
            .value=${role}
            @change=${(e: Event) => void this.switchTo(user, (e.currentTarget as D1Select).value as Role)}
          >
            ${user.roleNames.map((r) => html`<option value=${r}>${t(`roles.${r}`)}</option>`)}
          </d1-select>`
        : nothing}
      ${schools.length > 1
        ? html`<d1-select
            class="switcher"
            data-switcher="school"
            label=${t('header.school')}
            .value=${school?.oid ?? ''}
            @change=${(e: Event) => void this.switchTo(user, role, undefined, (e.currentTarget as D1Select).value)}
          >
            ${schools.map((s) => html`<option value=${s.oid}>${s.name}</option>`)}
          </d1-select>`
        : nothing}
      ${role === 'guardian' && user.children.length > 0
        ? html`<d1-select
            class="switcher"
            data-switcher="child"
            label=${t('header.child')}
            .value=${child?.learnerOid ?? ''}
            @change=${(e: Event) => void this.switchTo(user, role, (e.currentTarget as D1Select).value)}
          >
            ${user.children.map((c) => html`<option value=${c.learnerOid}>${c.name}</option>`)}
          </d1-select>`
        : nothing}
    `;
  }

  private renderMain(): TemplateResult {
    const view = this.view;
    switch (view.kind) {
      case 'landing':
        return html`<div class="landing">
          <h1>${t('landing.title')}</h1>
          ${view.notice ? html`<p role="status" class="notice" data-notice=${view.notice}>${t(`landing.${view.notice}`)}</p>` : nothing}
          <p>${t('landing.lead')}</p>
          <d1-button variant="primary" ?loading=${view.busy} @click=${() => this.startSignIn()}
            >${t('landing.signIn')}</d1-button
          >
        </div>`;
      case 'loading':
        return html`<p class="status" role="status">${t('loading')}</p>`;
      case 'statement':
        return view.render(currentLocale());
      case 'error':
        return html`<div class="problem" role="alert">
          <h1>${t('errors.title')}</h1>
          <p>${t(view.message)}</p>
          <d1-button variant="primary" @click=${view.retry}>${t(view.action ?? 'errors.tryAgain')}</d1-button>
        </div>`;
      case 'no-roles':
        return html`<div class="problem" data-state="no-roles">
          <h1>${t('errors.title')}</h1>
          ${view.revoked ? html`<p role="alert">${t('dashboard.roleRevokedNone', { role: t(`roles.${view.revoked}`) })}</p>` : nothing}
          <p>${t('dashboard.noRoles')}</p>
        </div>`;
      case 'dashboard':
        return html`${this.notice
            ? html`<p class="notice" role="status" data-notice="role-revoked">
                ${t(this.notice.key, { role: t(`roles.${this.notice.role}`) })}
              </p>`
            : nothing}
          <h1 class="dashboard-title">
            ${t('dashboard.heading', { role: t(`roles.${view.role}`), tenant: view.tenant.name[currentLocale()] })}
          </h1>
          ${view.dashboard.layout.length === 0 ? html`<p>${t('dashboard.empty')}</p>` : nothing}
          <d1-grid></d1-grid>`;
      case 'admin':
        return html`<digione-admin
          .user=${view.user}
          .tenant=${view.tenant}
          .path=${view.path}
          .locale=${currentLocale()}
          .navigate=${this.navigateTo}
        ></digione-admin>`;
    }
  }

  private startSignIn(fresh = false): void {
    if (!fresh) this.show({ kind: 'landing', notice: undefined, busy: true });
    signIn(fresh).catch((error: unknown) => {
      console.error('[digione] sign-in redirect failed:', error);
      this.show({ kind: 'error', message: 'errors.providerDown', retry: () => this.startSignIn() });
    });
  }
}
