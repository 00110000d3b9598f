/**
 * "Preview as" in the Dashboards section (docs/decisions/0008-preview-as.md): the admin picks one of the tenant's
 * preview personas (test accounts, never real pupils) and sees the role's DRAFT rendered by the real shell, with the
 * real widgets and that persona's sandbox data, at phone (360 px) and desktop (1280 px, scaled to fit) widths.
 *
 * This element exchanges the admin's token for a preview token at the provider (RFC 8693 impersonation, bound to the
 * admin's DPoP key, 5 minutes) and frames the shell's own /preview page twice. Each frame asks for the preview over
 * a MessageChannel; only a frame of this element, of this origin, gets it. The token never enters a URL or storage.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_LOCALE, type Locale, type Role } from '@digione/sdk';
import { accessToken } from '../auth/session.js';
import { signProof } from '../auth/dpop.js';
import { dpopKeyOf, IndexedDbStateStore } from '../auth/idb-store.js';
import { PLATFORM_RESOURCE } from '../auth/widget-tokens.js';
import { config } from '../config.js';
import type { PreviewGrant, PreviewMessage } from './preview-protocol.js';

const PREVIEW_MESSAGE: PreviewMessage = 'digione-preview-request';

/** A preview persona as the provider lists it (`GET /preview-personas?tenant=`). */
export interface PreviewPersona {
  sub: string;
  name: string;
  description: Record<Locale, string>;
  roles: Role[];
}

const TEXT = {
  fi: {
    heading: 'Esikatsele käyttäjänä',
    lead: 'Näe luonnos niin kuin tämän roolin testikäyttäjä sen näkisi, ennen julkaisua. Vain kunnan testikäyttäjiä voi esikatsella, ja jokainen esikatselu kirjataan lokiin.',
    persona: 'Testikäyttäjä',
    start: 'Esikatsele',
    again: 'Esikatsele uudelleen',
    close: 'Sulje esikatselu',
    none: 'Tälle roolille ei ole testikäyttäjää.',
    unavailable: 'Testikäyttäjiä ei saatu ladattua. Yritä myöhemmin uudelleen.',
    refused: 'Esikatselua ei sallittu:',
    phone: 'Puhelin (360 px)',
    desktop: 'Tietokone (1280 px, pienennetty)',
    frame: (name: string, width: number) => `Esikatselu käyttäjänä ${name}, leveys ${width} px`,
    expires: 'Esikatselu on voimassa viisi minuuttia.',
  },
  sv: {
    heading: 'Förhandsgranska som',
    lead: 'Se utkastet som en testanvändare i den här rollen skulle se det, före publicering. Endast kommunens testanvändare kan förhandsgranskas, och varje förhandsgranskning loggas.',
    persona: 'Testanvändare',
    start: 'Förhandsgranska',
    again: 'Förhandsgranska igen',
    close: 'Stäng förhandsgranskningen',
    none: 'Den här rollen har ingen testanvändare.',
    unavailable: 'Testanvändarna kunde inte läsas in. Försök igen senare.',
    refused: 'Förhandsgranskningen tilläts inte:',
    phone: 'Telefon (360 px)',
    desktop: 'Dator (1280 px, förminskad)',
    frame: (name: string, width: number) => `Förhandsgranskning som ${name}, bredd ${width} px`,
    expires: 'Förhandsgranskningen gäller i fem minuter.',
  },
  en: {
    heading: 'Preview as',
    lead: 'See the draft as a test user of this role would, before publishing. Only the municipality\'s test users can be previewed, and every preview is recorded in the audit log.',
    persona: 'Test user',
    start: 'Preview',
    again: 'Preview again',
    close: 'Close preview',
    none: 'This role has no test user.',
    unavailable: 'The test users could not be loaded. Try again later.',
    refused: 'The preview was not allowed:',
    phone: 'Phone (360 px)',
    desktop: 'Desktop (1280 px, scaled down)',
    frame: (name: string, width: number) => `Preview as ${name}, ${width} px wide`,
    expires: 'A preview lasts five minutes.',
  },
} satisfies Record<Locale, unknown>;

/** The two widths shown, and each frame's height (CSS pixels of the framed page). */
const WIDTHS = [
  { width: 360, height: 720, label: 'phone' },
  { width: 1280, height: 800, label: 'desktop' },
] as const;

/** The provider's list of the tenant's preview personas. */
export async function fetchPreviewPersonas(tenant: string): Promise<PreviewPersona[]> {
  const response = await fetch(`${config.authority.replace(/\/$/, '')}/preview-personas?tenant=${encodeURIComponent(tenant)}`);
  if (!response.ok) throw new Error(`preview personas: the provider answered ${response.status}`);
  return ((await response.json()) as { personas: PreviewPersona[] }).personas;
}

/** Exchanges the admin's token for a preview token of `persona` on the (tenant, role) dashboard. */
export async function requestPreviewToken(persona: string, tenant: string, role: Role): Promise<{ token: string; expiresIn: number; keys: CryptoKeyPair }> {
  // The session's DPoP key, read where auth/session.ts keeps it (this module is not part of the first load, which
  // therefore exports nothing extra for it).
  const keys = ((await new IndexedDbStateStore().value(dpopKeyOf(config.clientId))) as { keys?: CryptoKeyPair } | undefined)?.keys;
  if (!keys) throw new Error('the session has no DPoP key');
  const authority = config.authority.replace(/\/$/, '');
  const metadata = (await (await fetch(`${authority}/.well-known/openid-configuration`)).json()) as { token_endpoint?: unknown };
  const url = typeof metadata.token_endpoint === 'string' ? metadata.token_endpoint : `${authority}/token`;
  const body = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    client_id: config.clientId,
    subject_token: await accessToken(),
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    resource: PLATFORM_RESOURCE,
    digione_widget: 'digione.preview',
    digione_tenant: tenant,
    digione_role: role,
    digione_preview: persona,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', DPoP: await signProof(keys, 'POST', url, undefined, 0) },
    body,
  });
  const answer = (await response.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!response.ok || !answer.access_token) throw new Error(answer.error_description ?? answer.error ?? `the provider answered ${response.status}`);
  return { token: answer.access_token, expiresIn: answer.expires_in ?? 300, keys };
}

export class DigionePreviewAs extends LitElement {
  @property({ attribute: false }) tenant = '';
  @property({ attribute: false }) dashboardRole: Role = 'pupil';
  @property({ attribute: false }) locale: Locale = DEFAULT_LOCALE;

  @state() private personas: PreviewPersona[] | 'unavailable' | undefined;
  @state() private chosen = '';
  @state() private error = '';
  @state() private busy = false;
  /** The preview shown; `run` changes with each start, so that the frames load afresh. */
  @state() private active: { grant: PreviewGrant; run: number } | undefined;
  private runs = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Answers the preview page's request: only from one of this element's frames, of this origin. */
  private readonly onMessage = (event: MessageEvent): void => {
    const grant = this.active?.grant;
    if (!grant || event.origin !== location.origin || (event.data as { type?: unknown } | null)?.type !== PREVIEW_MESSAGE) return;
    const frames = [...this.querySelectorAll('iframe')].map((f) => f.contentWindow);
    const port = event.ports[0];
    if (!port || !frames.includes(event.source as Window)) return;
    port.postMessage(grant);
    port.close();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    this.resizes.disconnect();
    super.disconnectedCallback();
  }

  /** Fits the desktop frame again when the page's width changes (a tablet turned, a window resized). */
  private readonly resizes = new ResizeObserver(() => this.fit());

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('tenant') || changed.has('dashboardRole')) && this.tenant) {
      this.active = undefined;
      this.error = '';
      void this.loadPersonas();
    }
  }

  protected override updated(): void {
    // Styles by CSSOM (the CSP allows no style attributes). No border, so that the framed page is exactly 360 or 1280
    // px wide; an outline marks its edge instead.
    for (const each of this.querySelectorAll('iframe')) {
      each.style.border = '0';
      each.style.outline = '1px solid var(--d1-color-border, #c4c4c4)';
      each.style.display = 'block';
    }
    const frames = this.querySelector('.preview-frames');
    if (frames) this.resizes.observe(frames);
    this.fit();
  }

  /**
   * The desktop frame keeps its 1280 px layout and is scaled to fit the width its figure has (the figure's own margins
   * taken off, so that the page never scrolls sideways).
   */
  private fit(): void {
    const frame = this.querySelector<HTMLIFrameElement>('iframe[data-preview-width="1280"]');
    const box = frame?.parentElement;
    if (!frame || !box) return;
    // Measured with the box collapsed, so that its previous (wider) size cannot hold its container open.
    box.style.inlineSize = '0';
    const available = box.parentElement?.clientWidth ?? 1280;
    const scale = Math.min(1, Math.max(0.2, available / 1280));
    frame.style.transform = `scale(${scale})`;
    frame.style.transformOrigin = '0 0';
    box.style.inlineSize = `${Math.floor(1280 * scale)}px`;
    box.style.blockSize = `${Math.floor(800 * scale)}px`;
    box.style.overflow = 'hidden';
  }

  private async loadPersonas(): Promise<void> {
    const tenant = this.tenant;
    const role = this.dashboardRole;
    this.personas = undefined;
    try {
      const all = await fetchPreviewPersonas(tenant);
      if (tenant !== this.tenant || role !== this.dashboardRole) return;
      this.personas = all.filter((p) => p.roles.includes(role));
      this.chosen = this.personas[0]?.sub ?? '';
    } catch (error) {
      console.error('[digione] preview personas could not be loaded:', error);
      if (tenant === this.tenant) this.personas = 'unavailable';
    }
  }

  private async start(): Promise<void> {
    const personas = Array.isArray(this.personas) ? this.personas : [];
    const persona = personas.find((p) => p.sub === this.chosen);
    if (!persona || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const { token, expiresIn, keys } = await requestPreviewToken(persona.sub, this.tenant, this.dashboardRole);
      this.active = { grant: { token, expiresIn, keys, persona: persona.sub, name: persona.name }, run: ++this.runs };
    } catch (error) {
      this.active = undefined;
      this.error = `${TEXT[this.locale].refused} ${(error as Error).message}`;
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const text = TEXT[this.locale];
    const personas = this.personas;
    return html`<section class="admin-block" aria-labelledby="preview-heading" data-preview>
      <h3 id="preview-heading">${text.heading}</h3>
      <p class="admin-note">${text.lead}</p>
      ${personas === 'unavailable'
        ? html`<p class="admin-note" data-preview-personas="unavailable">${text.unavailable}</p>`
        : personas === undefined
          ? nothing
          : personas.length === 0
            ? html`<p class="admin-note">${text.none}</p>`
            : html`<div class="actions">
                <d1-select
                  data-preview-persona
                  label=${text.persona}
                  .value=${this.chosen}
                  @change=${(event: Event) => (this.chosen = (event.target as HTMLElement & { value: string }).value)}
                >
                  ${personas.map((p) => html`<option value=${p.sub}>${p.name} – ${p.description[this.locale]}</option>`)}
                </d1-select>
                <d1-button variant="secondary" ?disabled=${this.busy} data-preview-start @click=${() => void this.start()}
                  >${this.active ? text.again : text.start}</d1-button
                >
                ${this.active
                  ? html`<d1-button variant="secondary" data-preview-close @click=${() => (this.active = undefined)}>${text.close}</d1-button>`
                  : nothing}
              </div>`}
      ${this.error ? html`<p role="alert" class="admin-note" data-preview-error>${this.error}</p>` : nothing}
      ${this.active ? this.renderFrames(this.active.grant.name, this.active.run, text) : nothing}
    </section>`;
  }

  private renderFrames(name: string, run: number, text: (typeof TEXT)[Locale]): TemplateResult {
    const query = new URLSearchParams({ role: this.dashboardRole, tenant: this.tenant, run: String(run) });
    return html`<p class="admin-note">${text.expires}</p>
      <div class="preview-frames">
        ${WIDTHS.map(
          ({ width, height, label }) => html`<figure>
            <figcaption>${label === 'phone' ? text.phone : text.desktop}</figcaption>
            <div>
              <iframe
                src=${`/preview?${query.toString()}&width=${width}`}
                width=${width}
                height=${height}
                title=${text.frame(name, width)}
                data-preview-width=${width}
              ></iframe>
            </div>
          </figure>`,
        )}
      </div>`;
  }
}

if (!customElements.get('digione-preview-as')) customElements.define('digione-preview-as', DigionePreviewAs);

declare global {
  interface HTMLElementTagNameMap {
    'digione-preview-as': DigionePreviewAs;
  }
}
