import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_LOCALE, type Locale, type PlatformUser, type Role } from '@digione/sdk';
import '@digione/design-system/components/alert/alert.js';
import '@digione/design-system/components/badge/badge.js';
import '@digione/design-system/components/checkbox/checkbox.js';
import '@digione/design-system/components/date-picker/date-picker.js';
import '@digione/design-system/components/dialog/dialog.js';
import '@digione/design-system/components/select/select.js';
import '@digione/design-system/components/table/table.js';
import '@digione/design-system/components/text-field/text-field.js';
import type { TenantInfo } from '../platform/registry.js';
import './catalogue.js';
import './history.js';
import './audit.js';
import './theme.js';
import './admin.css';
import { fill, strings } from './strings.js';
import { adminRoute, type AdminRoute } from './model.js';
import { navLink } from './nav.js';

/**
 * The municipality admin's area of the shell (/admin/…): catalogue and approvals, each role's dashboard (the
 * composer, publish, history and roll back), the audit log and the theme (theme.ts). The shell imports this module
 * only when an /admin path is opened (tests/size/shell-js.ts LAZY), so none of it weighs on a dashboard's first load. It renders
 * in the light DOM, under the shell's own styles and landmarks; the registry refuses every admin call of anyone but
 * the tenant's admins, so the "not available" page here is for clarity, not protection.
 */

export class DigioneAdmin extends LitElement {
  static override properties = {
    user: { attribute: false },
    tenant: { attribute: false },
    path: { attribute: false },
    locale: { attribute: false },
    navigate: { attribute: false },
  };

  /** The signed-in user. */
  user: PlatformUser | undefined;
  /** The tenant the user administers; undefined when they are not an admin (the "not available" page). */
  tenant: TenantInfo | undefined;
  /** The current /admin/… path. */
  path = '/admin/catalogue';
  locale: Locale = DEFAULT_LOCALE;
  /** Opens another path of the shell in this page (history.pushState and the shell's routing). */
  navigate: (path: string) => void = (path) => location.assign(path);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Moves focus to the page's heading: after in-page navigation, keyboard and screen reader users start there. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const title = this.querySelector('h1')?.textContent?.trim();
    if (title) document.title = `${title} – DigiOne`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.title = 'DigiOne';
  }

  private link(path: string, label: string, current: boolean): TemplateResult {
    return navLink(path, label, current, this.navigate);
  }

  protected override render(): TemplateResult {
    const text = strings(this.locale);
    const tenant = this.tenant;
    if (!tenant || !this.user) {
      return html`<div class="problem admin-denied" data-state="admin-denied">
        <h1 tabindex="-1">${text.denied.title}</h1>
        <p>${text.denied.body}</p>
        <p>${this.link('/', text.backToDashboard, false)}</p>
      </div>`;
    }
    const route = adminRoute(this.path);
    const sections = [
      { path: '/admin/catalogue', label: text.sections.catalogue, active: route.section === 'catalogue' },
      { path: '/admin/dashboards/pupil', label: text.sections.dashboards, active: route.section === 'dashboards' },
      { path: '/admin/audit', label: text.sections.audit, active: route.section === 'audit' },
      { path: '/admin/theme', label: text.sections.theme, active: route.section === 'theme' },
    ];
    const title =
      route.section === 'not-found' ? text.notFound : text.sections[route.section];
    return html`<div class="admin" data-admin-section=${route.section}>
      <nav class="admin-nav" aria-label=${text.sectionNav}>
        <ul>
          ${sections.map((section) => html`<li>${this.link(section.path, section.label, section.active)}</li>`)}
          <li class="admin-nav-back">${this.link('/', text.backToDashboard, false)}</li>
        </ul>
      </nav>
      <div class="admin-page">
        <p class="admin-context">${text.areaLabel} · ${fill(text.tenantLine, { tenant: tenant.name[this.locale] })}</p>
        <h1 tabindex="-1">${title}</h1>
        ${this.renderSection(route)}
      </div>
    </div>`;
  }

  private renderSection(route: AdminRoute): TemplateResult {
    const tenant = this.tenant!.id;
    switch (route.section) {
      case 'catalogue':
        return html`<digione-admin-catalogue .tenant=${tenant} .locale=${this.locale}></digione-admin-catalogue>`;
      case 'dashboards':
        return html`<digione-admin-dashboards
          .tenant=${tenant}
          .dashboardRole=${route.role}
          .user=${this.user}
          .locale=${this.locale}
          .navigate=${this.navigate}
        ></digione-admin-dashboards>`;
      case 'audit':
        return html`<digione-admin-audit .tenant=${tenant} .locale=${this.locale}></digione-admin-audit>`;
      case 'theme':
        return html`<digione-admin-theme .tenant=${tenant} .locale=${this.locale}></digione-admin-theme>`;
      case 'not-found':
        return html`<p>${this.link('/admin/catalogue', strings(this.locale).sections.catalogue, false)}</p>`;
    }
  }
}

customElements.define('digione-admin', DigioneAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'digione-admin': DigioneAdmin;
  }
}
