/**
 * The gallery page: every component's variants, with a language switch (`<html lang>`), a colour-scheme switch
 * (`data-theme`) and a municipal theme switch (`applyTheme`; a refused theme shows its failing pairs).
 */
import { html, render, type TemplateResult } from 'lit';
import '../src/index.js';
import {
  LOCALES,
  adoptTokens,
  applyTheme,
  checkThemeContrast,
  clearTheme,
  describeFailure,
  toLocale,
  type D1Dialog,
  type D1Toast,
  type Locale,
  type TableColumn,
} from '../src/index.js';
import type { D1Button } from '../src/components/button/button.component.js';
import { galleryStrings } from './gallery.strings.js';
import { galleryThemes } from './themes.js';
import './gallery.css';

adoptTokens();

/** Each language's name in itself, so that a reader finds their own. */
const autonyms: Readonly<Record<Locale, string>> = { fi: 'suomi', sv: 'svenska', en: 'English' };

const state = {
  locale: toLocale(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang),
  dark: document.documentElement.dataset['theme'] === 'dark',
  tenant: '',
  refused: [] as string[],
};

function setLocale(locale: Locale): void {
  state.locale = locale;
  document.documentElement.lang = locale;
  update();
}

function setDark(dark: boolean): void {
  state.dark = dark;
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  update();
}

function setTenant(name: string): void {
  const theme = galleryThemes.find((each) => each.name === name);
  state.tenant = name;
  state.refused = [];
  clearTheme();
  if (theme) {
    const failures = checkThemeContrast(theme);
    if (failures.length > 0) state.refused = failures.map(describeFailure);
    else applyTheme(theme);
  }
  update();
}

function section(id: string, title: string, body: TemplateResult): TemplateResult {
  return html`<section class="section" aria-labelledby=${id}>
    <h2 id=${id}>${title}</h2>
    <div class="demo">${body}</div>
  </section>`;
}

function page(): TemplateResult {
  const t = galleryStrings[state.locale];
  const columns: TableColumn[] = [
    { key: 'name', label: t.colName, sortable: true },
    { key: 'subject', label: t.colSubject, sortable: true },
    { key: 'grade', label: t.colGrade, sortable: true, align: 'end' },
  ];
  const rows = [
    { name: 'Örjan Lindqvist', subject: t.maths, grade: 8 },
    { name: 'Aino Virtanen', subject: t.history, grade: 10 },
    { name: 'Äijälä Eero', subject: t.biology, grade: 9 },
    { name: 'Bertta Nieminen', subject: t.maths, grade: 7 },
  ];
  const logo = galleryThemes.find((theme) => theme.name === state.tenant && state.refused.length === 0)?.logoUrl;
  return html`<header class="masthead">
      ${logo ? html`<img class="logo" src=${logo} alt="" width="40" height="40" />` : ''}
      <div>
        <h1>${t.title}</h1>
        <p>${t.intro}</p>
      </div>
    </header>
    <form class="settings" aria-label=${t.settings} @submit=${(event: Event) => event.preventDefault()}>
      <d1-select
        label=${t.language}
        .value=${state.locale}
        @change=${(event: Event) => setLocale(toLocale((event.target as HTMLSelectElement).value))}
      >
        ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale}>${autonyms[locale]}</option>`)}
      </d1-select>
      <d1-switch label=${t.dark} .checked=${state.dark} @change=${(event: Event) => setDark((event.target as HTMLInputElement).checked)}></d1-switch>
      <d1-select
        label=${t.tenant}
        .value=${state.tenant || 'digione'}
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          setTenant(value === 'digione' ? '' : value);
        }}
      >
        <option value="digione">${t.tenantDefault}</option>
        ${galleryThemes.map((theme) => html`<option value=${theme.name}>${theme.name}</option>`)}
      </d1-select>
    </form>
    ${state.refused.length > 0
      ? html`<d1-alert variant="danger" heading=${t.themeRefused}>
          <ul>${state.refused.map((failure) => html`<li>${failure}</li>`)}</ul>
        </d1-alert>`
      : ''}
    <main>
      ${section(
        'buttons',
        t.buttons,
        html`<div class="row">
          <d1-button>${t.save}</d1-button>
          <d1-button variant="secondary">${t.cancel}</d1-button>
          <d1-button variant="danger">${t.delete}</d1-button>
          <d1-button variant="ghost">${t.more}</d1-button>
          <d1-button disabled>${t.save}</d1-button>
          <d1-button loading>${t.save}</d1-button>
          <d1-button
            variant="secondary"
            .pressed=${false}
            @click=${(event: Event) => {
              const toggle = event.currentTarget as D1Button;
              toggle.pressed = !toggle.pressed;
            }}
            >${t.compactView}</d1-button
          >
        </div>`,
      )}
      ${section(
        'forms',
        t.formControls,
        html`<form class="stack" @submit=${(event: Event) => event.preventDefault()}>
          <d1-text-field label=${t.firstName} name="first" required autocomplete="given-name"></d1-text-field>
          <d1-text-field label=${t.email} name="email" type="email" hint=${t.emailHint}></d1-text-field>
          <d1-textarea label=${t.message} name="message"></d1-textarea>
          <d1-select label=${t.instructionLanguage} name="instruction" required>
            <option value="fi">${t.finnish}</option>
            <option value="sv">${t.swedish}</option>
            <option value="en">${t.english}</option>
          </d1-select>
          <d1-radio-group label=${t.diet} name="diet" value="normal">
            <option value="normal">${t.dietNormal}</option>
            <option value="vegan">${t.dietVegan}</option>
            <option value="gluten">${t.dietGluten}</option>
          </d1-radio-group>
          <d1-checkbox label=${t.terms} name="terms" required></d1-checkbox>
          <d1-checkbox label=${t.newsletter} name="news" indeterminate></d1-checkbox>
          <d1-switch label=${t.notifications} name="notifications" checked></d1-switch>
          <d1-text-field label=${t.firstName} disabled value="Aino"></d1-text-field>
          <div><d1-button type="submit">${t.submit}</d1-button></div>
        </form>`,
      )}
      ${section(
        'date',
        t.datePicker,
        html`<div class="stack"><d1-date-picker label=${t.startDate} name="start" value="2026-11-28"></d1-date-picker></div>`,
      )}
      ${section(
        'navigation',
        t.navigation,
        html`<div class="row">
          <d1-link href="#forms">${t.guide}</d1-link>
          <d1-link href="https://www.oph.fi/" new-tab>${t.external}</d1-link>
          <d1-icon-button label=${t.close}>×</d1-icon-button>
          <d1-icon-button label=${t.close} variant="secondary">×</d1-icon-button>
          <d1-icon-button label=${t.favourite} toggle pressed>★</d1-icon-button>
          <d1-menu label=${t.actions}>
            <d1-menu-item value="edit">${t.edit}</d1-menu-item>
            <d1-menu-item value="copy">${t.copy}</d1-menu-item>
            <d1-menu-item value="archive" disabled>${t.archive}</d1-menu-item>
            <d1-menu-item value="delete">${t.delete}</d1-menu-item>
          </d1-menu>
        </div>`,
      )}
      ${section(
        'people',
        t.people,
        html`<div class="stack">
          <div class="row">
            <d1-avatar name="Aino Virtanen" size="sm"></d1-avatar>
            <d1-avatar name="Örjan Lindqvist"></d1-avatar>
            <d1-avatar name="Eero Juhani Äijälä" size="lg"></d1-avatar>
          </div>
          <d1-list aria-label=${t.messages}>
            <d1-list-item>
              <d1-avatar slot="start" name="Aino Virtanen" decorative></d1-avatar>
              Aino Virtanen<span slot="supporting">${t.trip}</span>
              <d1-badge slot="end" variant="accent">${t.newBadge}</d1-badge>
            </d1-list-item>
            <d1-list-item>
              <d1-avatar slot="start" name="Örjan Lindqvist" decorative></d1-avatar>
              Örjan Lindqvist<span slot="supporting">${t.homework}</span>
            </d1-list-item>
          </d1-list>
        </div>`,
      )}
      ${section(
        'tabs',
        t.tabs,
        html`<d1-tabs label=${t.tabsLabel}>
          <d1-tab-panel label=${t.schedule} name="schedule"><p>${t.scheduleText}</p></d1-tab-panel>
          <d1-tab-panel label=${t.grades} name="grades"><p>${t.gradesText}</p></d1-tab-panel>
          <d1-tab-panel label=${t.absences} name="absences"><p>${t.absencesText}</p></d1-tab-panel>
        </d1-tabs>`,
      )}
      ${section(
        'dialog',
        t.dialog,
        html`<d1-button variant="secondary" @click=${() => document.querySelector<D1Dialog>('#demo-dialog')?.show()}>
            ${t.openDialog}
          </d1-button>
          <d1-dialog id="demo-dialog" heading=${t.dialogHeading}>
            <p>${t.dialogText}</p>
            <d1-button slot="footer" variant="secondary" @click=${() => document.querySelector<D1Dialog>('#demo-dialog')?.close('cancel')}>
              ${t.cancel}
            </d1-button>
            <d1-button slot="footer" variant="danger" @click=${() => document.querySelector<D1Dialog>('#demo-dialog')?.close('delete')}>
              ${t.delete}
            </d1-button>
          </d1-dialog>`,
      )}
      ${section(
        'alerts',
        t.alerts,
        html`<div class="stack">
          <d1-alert variant="info">${t.alertInfo}</d1-alert>
          <d1-alert variant="success" dismissible>${t.alertSuccess}</d1-alert>
          <d1-alert variant="warning">${t.alertWarning}</d1-alert>
          <d1-alert variant="danger" heading=${t.themeRefused}>${t.alertDanger}</d1-alert>
          <div class="row">
            <d1-button variant="secondary" @click=${() => document.querySelector<D1Toast>('d1-toast')?.show({ message: t.toastMessage, variant: 'success' })}>
              ${t.showToast}
            </d1-button>
            <d1-button variant="secondary" @click=${() => document.querySelector<D1Toast>('d1-toast')?.show({ message: t.toastError, variant: 'danger' })}>
              ${t.showErrorToast}
            </d1-button>
          </div>
        </div>`,
      )}
      ${section(
        'badges',
        t.badges,
        html`<div class="row">
          ${(['neutral', 'info', 'success', 'warning', 'danger', 'accent'] as const).map(
            (variant) => html`<d1-badge variant=${variant}>${t.late}</d1-badge>`,
          )}
          <d1-badge variant="accent" label=${t.newMessages}>3</d1-badge>
        </div>`,
      )}
      ${section(
        'progress',
        t.progress,
        html`<div class="stack">
          <div class="row"><d1-spinner size="sm"></d1-spinner><d1-spinner></d1-spinner><d1-spinner size="lg"></d1-spinner></div>
          <d1-progress label=${t.uploading} value="45"></d1-progress>
          <d1-progress label=${t.uploading}></d1-progress>
        </div>`,
      )}
      ${section(
        'empty',
        t.emptyState,
        html`<d1-empty-state heading=${t.emptyHeading} level="3">
            <svg slot="icon" aria-hidden="true" viewBox="0 0 24 24" width="48" height="48" fill="none" stroke="currentColor" stroke-width="1.5">
              <path d="M4 19V5a2 2 0 0 1 2-2h12v16H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h12"></path>
            </svg>${t.emptyText}
            <d1-button slot="action">${t.addCourse}</d1-button>
          </d1-empty-state>
          <d1-empty-state level="3"></d1-empty-state>`,
      )}
      ${section('table', t.table, html`<d1-table caption=${t.tableCaption} .columns=${columns} .rows=${rows}></d1-table>`)}
      ${section(
        'card',
        t.card,
        html`<d1-grid>
          <d1-card heading=${t.cardHeading} size="m"><p>${t.scheduleText}</p></d1-card>
          <d1-card heading=${t.grades} state="loading" size="m"></d1-card>
          <d1-card heading=${t.absences} state="error" size="m"></d1-card>
        </d1-grid>`,
      )}
    </main>
    <d1-toast></d1-toast>`;
}

function update(): void {
  const t = galleryStrings[state.locale];
  document.title = t.title;
  render(page(), document.querySelector<HTMLElement>('#gallery') ?? document.body);
}

document.documentElement.lang = state.locale;
if (state.dark) document.documentElement.dataset['theme'] = 'dark';
update();
