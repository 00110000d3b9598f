import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@digione/sdk';
import '@digione/design-system/components/alert/alert.js';
import '@digione/design-system/components/button/button.js';
import '@digione/design-system/components/card/card.js';
import '@digione/design-system/components/link/link.js';
import '@digione/design-system/components/text-field/text-field.js';
import {
  applyTheme,
  checkThemeContrast,
  clearTheme,
  defaultColors,
  themeFromBrand,
  type BrandColours,
  type ContrastFailure,
  type TenantTheme,
} from '@digione/design-system/theme.js';
import type { TenantPolicy } from '@digione/manifests/types';
import { fill, strings } from './strings.js';
import { THEME_STRINGS } from './theme-strings.js';

/** A policy's theme, as the registry stores it (schemas/tenant-policy.v1.json). */
export type PolicyTheme = TenantPolicy['theme'];

/** What a save came to: the version saved, another admin's version (409), the registry's issues (422), or a failure. */
export type SaveOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; version: number }
  | { kind: 'refused'; issues: Array<{ pointer: string; reason: string }> }
  | { kind: 'failed' };

type Scheme = 'light' | 'dark';
type ColourField = 'primary' | 'onPrimary' | 'accent' | 'onAccent';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const FIELDS: readonly ColourField[] = ['primary', 'onPrimary', 'accent', 'onAccent'];
/** Where each scheme's colours live in the policy (the registry's issue pointers use it). */
const POLICY_FIELD = { light: 'colours', dark: 'dark' } as const;
const HEX = /^#[0-9a-fA-F]{6}$/;

/** The form's state: every colour of both schemes as typed, the name per language and the logo address. */
interface Form {
  name: Record<Locale, string>;
  logo: string;
  colours: Record<Scheme, Record<ColourField, string>>;
}

/** The colours a scheme the policy leaves out shows: the design system's own (what the shell applies then too). */
function fallbackColours(scheme: Scheme): Record<ColourField, string> {
  const { primary, onPrimary, accent, onAccent } = defaultColors(scheme);
  return { primary, onPrimary, accent, onAccent };
}

function completed(colours: BrandColours): Record<ColourField, string> {
  return { primary: colours.primary, onPrimary: colours.onPrimary, accent: colours.accent ?? colours.primary, onAccent: colours.onAccent ?? colours.onPrimary };
}

function formOf(theme: PolicyTheme): Form {
  return {
    name: { ...theme.name },
    logo: theme.logo ?? '',
    colours: { light: completed(theme.colours), dark: theme.dark ? completed(theme.dark) : fallbackColours('dark') },
  };
}

/**
 * The admin's theme editor: the municipality's name in three languages, logo address and colours of both schemes,
 * each colour a text field for `#rrggbb` with a swatch. The design system's contrast check runs on every edit: each
 * failing pair is named under the field to fix, and save is disabled while any fails. A live preview shows a sample
 * header, primary button, link and card in the light and the dark scheme, themed exactly as `applyTheme` will theme
 * the pages. Saving goes through `save` (admin/theme.ts: `PUT …/policy` with the next version); a conflict or the
 * registry's issues are shown in place.
 */
export class DigioneThemeEditor extends LitElement {
  /** The tenant's current theme; the form starts from it. */
  @property({ attribute: false }) theme: PolicyTheme | undefined;
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;
  /** Stores a theme; see {@link SaveOutcome}. */
  @property({ attribute: false }) save: (theme: PolicyTheme) => Promise<SaveOutcome> = () => Promise.resolve({ kind: 'failed' });
  /** Reloads the tenant's current theme (after a conflict). */
  @property({ attribute: false }) reload: () => void = () => location.reload();

  @state() private form: Form | undefined;
  @state() private outcome: SaveOutcome | undefined;
  @state() private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme') && this.theme) {
      this.form = formOf(this.theme);
      this.outcome = undefined;
    }
  }

  /** The colours that are not `#rrggbb`, as `scheme.field`. */
  private invalidColours(form: Form): Set<string> {
    const invalid = new Set<string>();
    for (const scheme of SCHEMES) for (const field of FIELDS) if (!HEX.test(form.colours[scheme][field])) invalid.add(`${scheme}.${field}`);
    return invalid;
  }

  private themeOf(form: Form): TenantTheme {
    return themeFromBrand({ name: 'preview', light: form.colours.light, dark: form.colours.dark });
  }

  /** The failing pairs by the field to fix (`scheme.field`), each pair once. */
  private failuresOf(form: Form): Map<string, ContrastFailure[]> {
    const byField = new Map<string, ContrastFailure[]>();
    if (this.invalidColours(form).size > 0) return byField;
    const seen = new Set<string>();
    for (const failure of checkThemeContrast(this.themeOf(form))) {
      const key = `${failure.scheme}.${failure.fields[0]}`;
      const same = `${key} ${failure.foreground} ${failure.background} ${failure.minimum}`;
      if (seen.has(same)) continue;
      seen.add(same);
      byField.set(key, [...(byField.get(key) ?? []), failure]);
    }
    return byField;
  }

  private edit(change: (form: Form) => void): void {
    if (!this.form) return;
    const form: Form = structuredClone(this.form);
    change(form);
    this.form = form;
  }

  private toPolicyTheme(form: Form): PolicyTheme {
    const trimmedLogo = form.logo.trim();
    return {
      name: { fi: form.name.fi.trim(), sv: form.name.sv.trim(), en: form.name.en.trim() },
      ...(trimmedLogo ? { logo: trimmedLogo } : {}),
      colours: { ...form.colours.light },
      dark: { ...form.colours.dark },
    };
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form;
    if (!form || this.blocked(form)) return;
    this.busy = true;
    this.outcome = undefined;
    try {
      this.outcome = await this.save(this.toPolicyTheme(form));
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('[data-theme-outcome]')?.focus();
  }

  private logoInvalid(form: Form): boolean {
    const logo = form.logo.trim();
    // The schema's rule (webUrl): https, or plain http on this computer only (the sandbox).
    return logo !== '' && !/^(?:https:\/\/[^\s/?#@]+(?:[/?#]\S*)?|http:\/\/(?:localhost|127\.0\.0\.1)(?::[0-9]{1,5})?(?:[/?#]\S*)?)$/.test(logo);
  }

  /** Whether save is refused: a missing name, a bad logo address, a colour that is not #rrggbb, or a failing pair. */
  private blocked(form: Form): boolean {
    return (
      LOCALES.some((l) => form.name[l].trim() === '') ||
      this.logoInvalid(form) ||
      this.invalidColours(form).size > 0 ||
      this.failuresOf(form).size > 0
    );
  }

  protected override render(): TemplateResult | typeof nothing {
    const form = this.form;
    if (!form) return nothing;
    const text = THEME_STRINGS[this.locale];
    const invalid = this.invalidColours(form);
    const failures = this.failuresOf(form);
    const failing = [...failures.values()].reduce((sum, list) => sum + list.length, 0);
    const refused = this.outcome?.kind === 'refused' ? this.outcome.issues : [];
    const issuesAt = (pointer: string) => refused.filter((issue) => issue.pointer === pointer);
    const placed = new Set<string>([
      ...LOCALES.map((l) => `/theme/name/${l}`),
      '/theme/logo',
      ...SCHEMES.flatMap((s) => FIELDS.map((f) => `/theme/${POLICY_FIELD[s]}/${f}`)),
    ]);
    return html`<p class="admin-lead">${text.lead}</p>
      ${this.renderOutcome(text, refused.filter((issue) => !placed.has(issue.pointer)))}
      <form class="theme-editor" novalidate @submit=${(e: Event) => void this.submit(e)}>
        <fieldset class="theme-names">
          <legend>${text.nameLegend}</legend>
          ${LOCALES.map(
            (l) => html`<d1-text-field
                name=${`name-${l}`}
                label=${text.name[l]}
                required
                .value=${form.name[l]}
                @input=${(e: Event) => this.edit((f) => (f.name[l] = (e.target as HTMLInputElement).value))}
              ></d1-text-field>
              ${this.renderIssues(issuesAt(`/theme/name/${l}`).map((i) => i.reason), `name-${l}`)}`,
          )}
          ${LOCALES.some((l) => form.name[l].trim() === '') ? html`<p class="theme-problem">${text.nameMissing}</p>` : nothing}
        </fieldset>
        <d1-text-field
          name="logo"
          type="url"
          label=${text.logo}
          hint=${text.logoHint}
          .value=${form.logo}
          @input=${(e: Event) => this.edit((f) => (f.logo = (e.target as HTMLInputElement).value))}
        ></d1-text-field>
        ${this.renderIssues([...(this.logoInvalid(form) ? [text.logoInvalid] : []), ...issuesAt('/theme/logo').map((i) => i.reason)], 'logo')}
        ${SCHEMES.map(
          (scheme) => html`<fieldset class="theme-colours" data-scheme=${scheme}>
            <legend>${text.schemes[scheme]}</legend>
            ${FIELDS.map((field) => {
              const key = `${scheme}.${field}`;
              const value = form.colours[scheme][field];
              const problems = [
                ...(invalid.has(key) ? [text.colourInvalid] : []),
                ...(failures.get(key) ?? []).map((failure) => this.failureText(failure)),
                ...issuesAt(`/theme/${POLICY_FIELD[scheme]}/${field}`).map((i) => i.reason),
              ];
              return html`<div class="theme-colour">
                <span
                  class="theme-swatch"
                  role="img"
                  aria-label=${`${text.swatch}: ${value}`}
                  ${ref((el) => {
                    if (el instanceof HTMLElement) el.style.setProperty('background-color', HEX.test(value) ? value : 'transparent');
                  })}
                ></span>
                <d1-text-field
                  name=${key}
                  label=${text.fields[field]}
                  hint=${text.colourHint}
                  required
                  .value=${value}
                  @input=${(e: Event) => this.edit((f) => (f.colours[scheme][field] = (e.target as HTMLInputElement).value.trim()))}
                ></d1-text-field>
                ${this.renderIssues(problems, key)}
              </div>`;
            })}
          </fieldset>`,
        )}
        ${failing > 0
          ? html`<d1-alert variant="error" data-theme-failing>${fill(text.failing, { count: failing })}</d1-alert>`
          : nothing}
        <d1-button type="submit" variant="primary" ?disabled=${this.blocked(form)} ?loading=${this.busy}>${text.save}</d1-button>
      </form>
      ${this.renderPreview(text, form, invalid.size === 0 && failing === 0)}`;
  }

  /** The problems of one field, right under it. */
  private renderIssues(problems: readonly string[], field: string): TemplateResult | typeof nothing {
    if (problems.length === 0) return nothing;
    return html`<ul class="theme-problems" data-problems-for=${field}>
      ${problems.map((problem) => html`<li>${problem}</li>`)}
    </ul>`;
  }

  private failureText(failure: ContrastFailure): string {
    const text = THEME_STRINGS[this.locale];
    const ratio = new Intl.NumberFormat(this.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const minimum = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    return fill(text.failure, {
      pair: text.pairs[failure.pair] ?? failure.pair,
      foreground: failure.foreground,
      background: failure.background,
      ratio: ratio.format(failure.ratio),
      minimum: minimum.format(failure.minimum),
    });
  }

  private renderOutcome(text: (typeof THEME_STRINGS)[Locale], unplaced: ReadonlyArray<{ pointer: string; reason: string }>): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    switch (outcome.kind) {
      case 'saved':
        return html`<d1-alert variant="success" tabindex="-1" data-theme-outcome="saved">${fill(text.saved, { version: outcome.version })}</d1-alert>`;
      case 'conflict': {
        // The same words as the admin area's other conflicts.
        const admin = strings(this.locale);
        return html`<d1-alert variant="warning" tabindex="-1" data-theme-outcome="conflict">
          <p>${fill(admin.conflict, { version: outcome.version })}</p>
          <d1-button variant="secondary" @click=${() => this.reload()}>${admin.reload}</d1-button>
        </d1-alert>`;
      }
      case 'refused':
        return html`<d1-alert variant="error" tabindex="-1" data-theme-outcome="refused">
          <p>${text.refused}</p>
          ${unplaced.length > 0 ? html`<ul>${unplaced.map((i) => html`<li><code>${i.pointer || '/'}</code> ${i.reason}</li>`)}</ul>` : nothing}
        </d1-alert>`;
      case 'failed':
        return html`<d1-alert variant="error" tabindex="-1" data-theme-outcome="failed">${text.saveFailed}</d1-alert>`;
    }
  }

  private renderPreview(text: (typeof THEME_STRINGS)[Locale], form: Form, passes: boolean): TemplateResult {
    const theme = passes ? this.themeOf(form) : undefined;
    const name = form.name[this.locale];
    return html`<section class="theme-preview" aria-labelledby="theme-preview-heading">
      <h2 id="theme-preview-heading">${text.preview}</h2>
      ${theme
        ? SCHEMES.map(
            (scheme) => html`<div
              class="theme-sample"
              data-theme=${scheme}
              data-preview=${scheme}
              ${ref((el) => {
                // The very check and tokens the pages get: applyTheme on the sample (its own data-theme picks the scheme).
                if (el instanceof HTMLElement) applyTheme(theme, el);
              })}
            >
              <h3>${text.schemes[scheme]}</h3>
              <div class="theme-sample-header">
                ${form.logo && !this.logoInvalid(form) ? html`<img src=${form.logo.trim()} alt=${name} class="tenant-logo" />` : nothing}
                <span>DigiOne <span class="tenant">${name}</span></span>
              </div>
              <d1-card heading=${text.sample.card} .level=${4}>
                <p>${text.sample.cardBody}</p>
                <p><d1-link href="#theme-preview-heading">${text.sample.link}</d1-link></p>
                <d1-button variant="primary">${text.sample.button}</d1-button>
              </d1-card>
            </div>`,
          )
        : html`<p data-preview="unavailable">${text.previewUnavailable}</p>`}
    </section>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const sample of this.querySelectorAll<HTMLElement>('.theme-sample')) clearTheme(sample);
  }
}

customElements.define('digione-theme-editor', DigioneThemeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'digione-theme-editor': DigioneThemeEditor;
  }
}
