import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, type Locale } from '@digione/sdk';
import { conflictVersion, fetchPolicy, putPolicy, validationIssues, type TenantPolicy } from './api.js';
import { failureText } from './catalogue.js';
import { strings } from './strings.js';
import './theme.css';
import './theme-editor.js';
import type { PolicyTheme, SaveOutcome } from './theme-editor.js';

/**
 * The Theme section (/admin/theme): the tenant's policy is fetched, its theme edited in `digione-theme-editor`, and
 * saved as the policy's next version (`PUT /v1/admin/tenants/{tenant}/policy` with `version` = the one loaded + 1,
 * so another admin's change in between is a 409 conflict, never overwritten). The registry checks the contrast
 * again (manifests/src/validate/theme.ts): its 422 issues are shown at their fields.
 */
export class DigioneAdminTheme extends LitElement {
  @property({ attribute: false }) tenant = '';
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;

  @state() private policy: TenantPolicy | undefined;
  @state() private failure: unknown;
  /** The theme the editor started from (set once loaded): a save changes `policy`, not the form being edited. */
  @state() private initialTheme: PolicyTheme | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tenant') && this.tenant) void this.load();
  }

  async load(): Promise<void> {
    this.failure = undefined;
    try {
      this.policy = await fetchPolicy(this.tenant);
    } catch (error) {
      console.error('[digione] admin theme:', error);
      this.failure = error;
    }
  }

  private readonly save = async (theme: PolicyTheme): Promise<SaveOutcome> => {
    const policy = this.policy;
    if (!policy) return { kind: 'failed' };
    try {
      const saved = await putPolicy({ ...policy, version: policy.version + 1, theme });
      // The editor keeps its form; the next save builds on the version just written.
      this.policy = { ...saved.policy };
      return { kind: 'saved', version: saved.policy.version };
    } catch (error) {
      const conflict = conflictVersion(error);
      if (conflict !== undefined) return { kind: 'conflict', version: conflict };
      const issues = validationIssues(error);
      if (issues) return { kind: 'refused', issues };
      console.error('[digione] admin theme save:', error);
      return { kind: 'failed' };
    }
  };

  protected override render(): TemplateResult {
    const text = strings(this.locale);
    if (this.failure !== undefined) {
      return html`<d1-alert variant="error">
        <p>${failureText(this.failure, this.locale)}</p>
        <d1-button variant="secondary" @click=${() => void this.load()}>${text.retry}</d1-button>
      </d1-alert>`;
    }
    if (!this.policy) return html`<p role="status">${text.loading}</p>`;
    return html`<digione-theme-editor
      .theme=${this.initialTheme ?? this.policy.theme}
      .locale=${this.locale}
      .save=${this.save}
      .reload=${() => {
        this.initialTheme = undefined;
        this.policy = undefined;
        void this.load();
      }}
    ></digione-theme-editor>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.policy && this.initialTheme === undefined) this.initialTheme = this.policy.theme;
  }
}

customElements.define('digione-admin-theme', DigioneAdminTheme);

declare global {
  interface HTMLElementTagNameMap {
    'digione-admin-theme': DigioneAdminTheme;
  }
}
