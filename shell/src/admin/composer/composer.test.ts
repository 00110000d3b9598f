import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PlatformApiError } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import type { D1TextField } from '@digione/design-system/components/text-field/text-field.component.js';
import type { Dashboard, DashboardRef, Draft, TenantPolicy, VersionInfo } from '../api.js';
import { initLocale, setLocale } from '../../locale/locale.js';
import './composer.js';
import type { ComposerBackend, DigioneComposer } from './composer.js';

function widget(id: string, title: string, roles: string[], sizes: string[], extra: Partial<WidgetManifest> = {}): WidgetManifest {
  const [vendor = 'acme'] = id.split('.');
  return {
    id,
    version: '1.0.0',
    vendor: { id: vendor, name: `${vendor} Oy` },
    title: { fi: `${title} (fi)`, sv: `${title} (sv)`, en: title },
    description: { fi: '-', sv: '-', en: '-' },
    kind: 'module',
    entry: `http://localhost:4299/${id}/remoteEntry.js`,
    federation: { name: id.replace(/\W/g, '_'), expose: './widget' },
    sdk: '^0.2.0',
    roles,
    scopes: [],
    locales: ['fi', 'sv', 'en'],
    sizes,
    ...extra,
  } as WidgetManifest;
}

const CATALOGUE = [
  widget('kajo.schedule', 'Schedule', ['pupil', 'teacher'], ['m', 'l']),
  widget('lumo.messages', 'Messages', ['pupil'], ['s', 'm', 'l']),
  widget('lumo.bulletin', 'Announcements', ['pupil'], ['s', 'm', 'l'], {
    config: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { type: 'integer', title: 'Announcements shown', minimum: 1, maximum: 20, default: 10 },
        compact: { type: 'boolean', title: 'Compact' },
        filter: { type: 'object', title: 'Filter' },
      },
    },
  }),
  widget('aika.countdown', 'Countdown', ['teacher'], ['s']),
  widget('nope.unapproved', 'Unapproved', ['pupil'], ['s']),
];

const POLICY: TenantPolicy = {
  tenant: 'vantaa',
  version: 1,
  widgets: {
    'kajo.schedule': { versions: '^1.0.0', scopes: [], integration: 'module' },
    'lumo.messages': { versions: '^1.0.0', scopes: [], integration: 'module' },
    'lumo.bulletin': { versions: '^1.0.0', scopes: [], integration: 'module' },
    'aika.countdown': { versions: '^1.0.0', scopes: [], integration: 'module' },
  },
} as unknown as TenantPolicy;

const PUBLISHED: Dashboard = {
  tenant: 'vantaa',
  role: 'pupil',
  version: 3,
  layout: [
    { instanceId: 'schedule', widget: 'kajo.schedule', size: 'l' },
    { instanceId: 'messages', widget: 'lumo.messages', size: 'm' },
    { instanceId: 'bulletin', widget: 'lumo.bulletin', size: 'm' },
  ],
};

/**
 * The registry in memory: the draft store behaves as the real one (404 without a draft, a new time and revision on
 * each save, 409 for a save naming another revision than the stored one).
 */
class MemoryRegistry implements ComposerBackend {
  draft: Draft | undefined;
  saves: Dashboard[] = [];
  failNextSave: PlatformApiError | undefined;
  #clock = Date.parse('2026-11-28T10:00:00Z');
  #revision = 0;

  async fetchCatalogue(): Promise<WidgetManifest[]> {
    return structuredClone(CATALOGUE);
  }
  async fetchPolicy(): Promise<TenantPolicy> {
    return structuredClone(POLICY);
  }
  async fetchDraft(_ref: DashboardRef): Promise<Draft | undefined> {
    return structuredClone(this.draft);
  }
  async fetchVersions(): Promise<VersionInfo[]> {
    return [{ version: 3, publishedBy: 'manifests', publishedAt: '2026-11-01T00:00:00Z' }];
  }
  async fetchVersion(): Promise<Dashboard> {
    return structuredClone(PUBLISHED);
  }
  async saveDraft(ref: DashboardRef, dashboard: Partial<Dashboard>, expectedRevision: number): Promise<Draft> {
    const failure = this.failNextSave;
    this.failNextSave = undefined;
    if (failure) throw failure;
    if ((this.draft?.revision ?? 0) !== expectedRevision) {
      const latest = this.draft ? { latestRevision: this.draft.revision, updatedBy: this.draft.updatedBy, updatedAt: this.draft.updatedAt } : { latestRevision: 0 };
      const problem = { type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict' as const, ...latest };
      throw new PlatformApiError(409, 'another admin changed the draft', problem);
    }
    const stored = { ...PUBLISHED, ...dashboard, tenant: ref.tenant, role: ref.role, version: 4 } as Dashboard;
    this.saves.push(stored);
    this.draft = { dashboard: stored, updatedBy: 'admin', updatedAt: this.tick(), revision: ++this.#revision };
    return structuredClone(this.draft);
  }
  /** Another admin's save of the stored draft. */
  savedByOther(): void {
    this.draft = { ...this.draft!, updatedBy: 'other-admin', updatedAt: this.tick(), revision: ++this.#revision };
  }
  async discardDraft(): Promise<void> {
    this.draft = undefined;
  }
  tick(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }
}

async function mount(registry = new MemoryRegistry()): Promise<{ composer: DigioneComposer; registry: MemoryRegistry }> {
  const composer = await fixture<DigioneComposer>(
    html`<digione-composer tenant="vantaa" .role=${'pupil'} .backend=${registry}></digione-composer>`,
  );
  await waitUntil(() => composer.shadowRoot!.querySelector('d1-grid'), 'the layout is shown');
  return { composer, registry };
}

const root = (composer: DigioneComposer) => composer.shadowRoot!;
const order = (composer: DigioneComposer) =>
  [...root(composer).querySelectorAll('d1-card')].map((card) => card.getAttribute('data-instance'));
const card = (composer: DigioneComposer, id: string) => root(composer).querySelector<HTMLElement>(`d1-card[data-instance="${id}"]`)!;
const announced = (composer: DigioneComposer) => root(composer).querySelector('[data-announcements]')!.textContent!.trim();
const saved = (composer: DigioneComposer) => waitUntil(() => composer.saveState === 'saved', 'the draft is saved', { timeout: 5000 });

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
/** Whether focus is inside `element` (its light or shadow tree). */
function focusWithin(element: Element): boolean {
  for (let node: Node | null = deepActive(); node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === element) return true;
  }
  return false;
}

async function press(element: HTMLElement, key: string): Promise<void> {
  element.focus();
  await sendKeys({ press: key });
}

describe('digione-composer', () => {
  before(async () => {
    document.documentElement.lang = 'en';
    await initLocale();
    await setLocale('en');
  });

  it('shows the published layout in the dashboard grid, with sizes, and passes axe', async () => {
    const { composer } = await mount();
    expect(order(composer)).to.deep.equal(['schedule', 'messages', 'bulletin']);
    expect(card(composer, 'schedule').getAttribute('size')).to.equal('l');
    expect(card(composer, 'schedule').getAttribute('heading')).to.equal('Schedule');
    expect(root(composer).textContent).to.contain('published version 3');
    // Nothing is saved until the admin changes something.
    expect(composer.saveState).to.equal('saved');
    await expect(composer).to.be.accessible();
  });

  it('moves a card by keyboard, announces it, keeps focus on it and saves the draft', async () => {
    const { composer, registry } = await mount();
    const later = card(composer, 'schedule').querySelector<HTMLElement>('[data-action="later"]')!;
    await press(later, 'Enter');
    expect(order(composer)).to.deep.equal(['messages', 'schedule', 'bulletin']);
    expect(announced(composer)).to.equal('Schedule moved to position 2 of 3.');
    await waitUntil(() => focusWithin(card(composer, 'schedule')), 'focus stays on the moved card');
    expect(composer.saveState).to.equal('pending');
    expect(composer.hasUnsavedChanges).to.equal(true);

    await sendKeys({ press: 'Enter' });
    expect(order(composer)).to.deep.equal(['messages', 'bulletin', 'schedule']);
    expect(announced(composer)).to.equal('Schedule moved to position 3 of 3.');
    // At the end "later" is disabled: focus falls back to the card itself, not to the page.
    await waitUntil(() => focusWithin(card(composer, 'schedule')), 'focus stays on the card at the end');

    await saved(composer);
    // Two quick moves were one request, with the final order.
    expect(registry.saves).to.have.length(1);
    expect(registry.saves[0]!.layout.map((i) => i.instanceId)).to.deep.equal(['messages', 'bulletin', 'schedule']);
    expect(root(composer).querySelector('[data-save-status]')!.textContent).to.contain('All changes saved');
  });

  it('announces in the active language', async () => {
    const { composer } = await mount();
    await setLocale('fi');
    try {
      await composer.updateComplete;
      await press(card(composer, 'messages').querySelector<HTMLElement>('[data-action="earlier"]')!, 'Enter');
      expect(announced(composer)).to.equal('Messages (fi) siirretty paikkaan 1/3.');
      await setLocale('sv');
      await composer.updateComplete;
      await press(card(composer, 'messages').querySelector<HTMLElement>('[data-action="later"]')!, 'Enter');
      expect(announced(composer)).to.equal('Messages (sv) flyttad till plats 2 av 3.');
    } finally {
      await setLocale('en');
    }
  });

  it('moves a card up a row when a row holds several cards, by keyboard', async () => {
    const { composer } = await mount();
    // One card per row: "up/down a row" would only repeat "earlier/later", so they are not offered.
    expect(root(composer).querySelector('[data-action="up"]')).to.equal(null);
    composer.resizeInstance(1, 's');
    composer.resizeInstance(2, 's');
    await waitUntil(() => card(composer, 'bulletin').querySelector('[data-action="up"]'), 'two small cards share a row');
    const up = card(composer, 'bulletin').querySelector<HTMLElement>('[data-action="up"]')!;
    expect(card(composer, 'messages').querySelector<HTMLElement & { disabled: boolean }>('[data-action="down"]')!.disabled).to.equal(true);
    await press(up, 'Enter');
    expect(order(composer)).to.deep.equal(['bulletin', 'schedule', 'messages']);
    expect(announced(composer)).to.equal('Announcements moved to position 1 of 3.');
    await waitUntil(() => focusWithin(card(composer, 'bulletin')), 'focus stays on the moved card');
  });

  it('resizes among the sizes the manifest offers, by keyboard', async () => {
    const { composer, registry } = await mount();
    const select = card(composer, 'schedule').querySelector<HTMLElement>('d1-select[data-action="size"]')!;
    const options = [...select.querySelectorAll('option')].map((o) => o.value);
    expect(options).to.deep.equal(['m', 'l']);
    await press(select, 'ArrowUp');
    await waitUntil(() => card(composer, 'schedule').getAttribute('size') === 'm', 'the card is medium');
    expect(announced(composer)).to.equal('Schedule is now Medium.');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout[0]).to.deep.include({ instanceId: 'schedule', size: 'm' });
  });

  it('removes a card with undo, both by keyboard', async () => {
    const { composer, registry } = await mount();
    await press(card(composer, 'messages').querySelector<HTMLElement>('[data-action="remove"]')!, 'Enter');
    expect(order(composer)).to.deep.equal(['schedule', 'bulletin']);
    expect(announced(composer)).to.equal('Messages removed.');
    const undo = root(composer).querySelector<HTMLElement>('[data-action="undo"]')!;
    await waitUntil(() => focusWithin(undo), 'focus moves to Undo');
    expect(undo.textContent).to.contain('Undo removing Messages');
    await sendKeys({ press: 'Enter' });
    expect(order(composer)).to.deep.equal(['schedule', 'messages', 'bulletin']);
    expect(announced(composer)).to.equal('Messages restored at position 2 of 3.');
    await waitUntil(() => focusWithin(card(composer, 'messages')), 'focus returns to the restored card');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout.map((i) => i.instanceId)).to.deep.equal(['schedule', 'messages', 'bulletin']);
  });

  it('adds only approved widgets made for the role, with a new instance id and the schema defaults', async () => {
    const { composer, registry } = await mount();
    await press(root(composer).querySelector<HTMLElement>('d1-button[data-action="add"]')!, 'Enter');
    const dialog = root(composer).querySelector<HTMLElement & { open: boolean }>('d1-dialog[data-dialog="add"]')!;
    await waitUntil(() => dialog.open, 'the add dialog opens');
    const service = dialog.querySelector<HTMLElement & { value: string }>('d1-select[data-field="widget"]')!;
    const offered = [...service.querySelectorAll('option')].map((o) => o.value);
    expect(offered).to.have.members(['kajo.schedule', 'lumo.messages', 'lumo.bulletin']);
    // Focus is on the first field; the keyboard picks a service (options are sorted by title: Announcements first).
    await waitUntil(() => focusWithin(service), 'focus is on the service field');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => service.value === 'lumo.bulletin', 'a service is chosen');
    const size = dialog.querySelector<HTMLElement & { value: string }>('d1-select[data-field="size"]')!;
    await waitUntil(() => size.value === 'm', 'medium is preselected');
    await press(dialog.querySelector<HTMLElement>('[data-action="add-confirm"]')!, 'Enter');
    await waitUntil(() => !dialog.open, 'the dialog closes');
    expect(order(composer)).to.deep.equal(['schedule', 'messages', 'bulletin', 'bulletin-2']);
    expect(announced(composer)).to.equal('Announcements added at position 4 of 4.');
    await waitUntil(() => focusWithin(card(composer, 'bulletin-2')), 'focus goes to the new card');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout[3]).to.deep.equal({ instanceId: 'bulletin-2', widget: 'lumo.bulletin', size: 'm', config: { limit: 10 } });
  });

  it('generates the config form from the schema, refuses an invalid value in place and saves a valid one', async () => {
    const { composer, registry } = await mount();
    await press(card(composer, 'bulletin').querySelector<HTMLElement>('[data-action="configure"]')!, 'Enter');
    const dialog = root(composer).querySelector<HTMLElement & { open: boolean }>('d1-dialog[data-dialog="config"]')!;
    await waitUntil(() => dialog.open, 'the config dialog opens');
    const limit = dialog.querySelector<D1TextField>('d1-text-field[data-field="limit"]')!;
    expect(limit.value).to.equal('10');
    expect(dialog.querySelector('d1-switch[data-field="compact"]')).to.exist;
    // What the form cannot edit is said, not hidden.
    expect(dialog.querySelector('[data-field="filter"]')!.textContent).to.contain('cannot be edited here');

    const input = limit.shadowRoot!.querySelector('input')!;
    input.focus();
    input.select();
    await sendKeys({ type: '25' });
    await press(dialog.querySelector<HTMLElement>('[data-action="apply"]')!, 'Enter');
    expect(dialog.open).to.equal(true);
    await waitUntil(() => limit.hasAttribute('data-invalid'), 'the field is marked');
    // The message belongs to the field: its input is described by it.
    await limit.updateComplete;
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => limit.shadowRoot!.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).to.contain('Must be at most 20.');
    await waitUntil(() => focusWithin(limit), 'focus goes to the invalid field');
    await expect(dialog).to.be.accessible();

    input.select();
    await sendKeys({ type: '5' });
    await press(dialog.querySelector<HTMLElement>('[data-action="apply"]')!, 'Enter');
    await waitUntil(() => !dialog.open, 'the dialog closes');
    expect(announced(composer)).to.equal('Settings of Announcements changed.');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout[2]).to.deep.equal({ instanceId: 'bulletin', widget: 'lumo.bulletin', size: 'm', config: { limit: 5 } });
  });

  it('saveNow() right after a keyboard change stores that change before it resolves (what Publish waits for)', async () => {
    const { composer, registry } = await mount();
    const states: string[] = [];
    composer.addEventListener('composer-state', (event) => states.push(event.detail));
    await press(card(composer, 'schedule').querySelector<HTMLElement>('[data-action="later"]')!, 'Enter');
    // Within the debounce: nothing is stored yet.
    expect(composer.saveState).to.equal('pending');
    expect(registry.saves).to.have.length(0);
    await composer.saveNow();
    expect(composer.saveState).to.equal('saved');
    expect(registry.saves).to.have.length(1);
    expect(registry.draft!.dashboard.layout.map((i) => i.instanceId)).to.deep.equal(['messages', 'schedule', 'bulletin']);
    await composer.updateComplete;
    expect(states).to.include.members(['pending', 'saved']);
  });

  it('tells the admin area when a save fails, so that Publish can wait', async () => {
    const { composer, registry } = await mount();
    const states: string[] = [];
    composer.addEventListener('composer-state', (event) => states.push(event.detail));
    registry.failNextSave = new PlatformApiError(0, 'unreachable');
    await press(card(composer, 'schedule').querySelector<HTMLElement>('[data-action="later"]')!, 'Enter');
    await composer.saveNow();
    await composer.updateComplete;
    expect(composer.saveState).to.equal('failed');
    expect(states.at(-1)).to.equal('failed');
  });

  it('says when a save failed, keeps the change and retries', async () => {
    const { composer, registry } = await mount();
    registry.failNextSave = new PlatformApiError(0, 'unreachable');
    await press(card(composer, 'schedule').querySelector<HTMLElement>('[data-action="later"]')!, 'Enter');
    await waitUntil(() => composer.saveState === 'failed', 'the save fails', { timeout: 5000 });
    const status = root(composer).querySelector('[data-save-status]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Not saved: the registry could not be reached.');
    expect(composer.hasUnsavedChanges).to.equal(true);
    await expect(composer).to.be.accessible();
    await press(root(composer).querySelector<HTMLElement>('[data-action="retry"]')!, 'Enter');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout.map((i) => i.instanceId)).to.deep.equal(['messages', 'schedule', 'bulletin']);
  });

  it('shows a conflict when another admin saved the draft meanwhile, and reloads theirs', async () => {
    const registry = new MemoryRegistry();
    await registry.saveDraft({ tenant: 'vantaa', role: 'pupil' }, { layout: PUBLISHED.layout.slice(0, 2) }, 0);
    const { composer } = await mount(registry);
    expect(root(composer).textContent).to.contain('You are editing the draft');
    // Another admin's save, after this one loaded the draft.
    registry.savedByOther();
    await press(card(composer, 'schedule').querySelector<HTMLElement>('[data-action="later"]')!, 'Enter');
    await waitUntil(() => composer.saveState === 'conflict', 'the conflict is found', { timeout: 5000 });
    expect(root(composer).querySelector('[data-save-status]')!.textContent).to.contain('other-admin');
    expect(registry.saves).to.have.length(1);
    await press(root(composer).querySelector<HTMLElement>('[data-action="reload"]')!, 'Enter');
    await waitUntil(() => composer.saveState === 'saved' && order(composer).join() === 'schedule,messages', 'their draft is shown');
  });

  it('warns before the page is left with an unsaved change', async () => {
    const { composer } = await mount();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).to.equal(false);
    composer.moveInstance(0, 1);
    expect(unload()).to.equal(true);
    await saved(composer);
    expect(unload()).to.equal(false);
  });

  it('asks before a navigation inside the shell leaves an unsaved change, and stays when told to', async () => {
    const { composer } = await mount();
    const navigate = () => {
      let answer: Promise<boolean> | undefined;
      const detail = { cancelNavigation: (cancel: Promise<boolean>) => (answer = cancel) };
      window.dispatchEvent(new CustomEvent('single-spa:before-routing-event', { detail }));
      return answer;
    };
    expect(navigate()).to.equal(undefined);
    composer.moveInstance(0, 1);
    const cancelled = navigate();
    expect(cancelled).to.be.instanceOf(Promise);
    const dialog = root(composer).querySelector<HTMLElement & { open: boolean }>('d1-dialog[data-dialog="leave"]')!;
    await waitUntil(() => dialog.open, 'the admin is asked');
    expect(dialog.textContent).to.contain('Some changes to the dashboard have not been saved yet.');
    await expect(dialog).to.be.accessible();
    // "Stay" is the first button: Enter on it keeps the admin on the page.
    await press(dialog.querySelector<HTMLElement>('d1-button:not([data-action])')!, 'Enter');
    expect(await cancelled).to.equal(true);
    await saved(composer);
    expect(navigate()).to.equal(undefined);
  });

  it('reorders by drag and drop', async () => {
    const { composer, registry } = await mount();
    const dataTransfer = new DataTransfer();
    const fire = (target: Element, type: string) => target.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    fire(card(composer, 'bulletin'), 'dragstart');
    fire(card(composer, 'schedule'), 'dragenter');
    fire(card(composer, 'schedule'), 'dragover');
    fire(card(composer, 'schedule'), 'drop');
    fire(card(composer, 'bulletin'), 'dragend');
    await composer.updateComplete;
    expect(order(composer)).to.deep.equal(['bulletin', 'schedule', 'messages']);
    expect(announced(composer)).to.equal('Announcements moved to position 1 of 3.');
    await saved(composer);
    expect(registry.saves.at(-1)!.layout.map((i) => i.instanceId)).to.deep.equal(['bulletin', 'schedule', 'messages']);
  });
});
