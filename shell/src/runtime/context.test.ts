import { expect, waitUntil } from '@open-wc/testing';
import type { WidgetNotification } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { initLocale, setLocale } from '../locale/locale.js';
import { PlatformApiError } from '@digione/sdk';
import type { WidgetTokenRequest } from '../auth/widget-tokens.js';
import { fakeFetch, problem } from '../testing/fake-platform.js';
import { createWidgetContext, type ContextServices, type ContextSource } from './context.js';
import { EventBus } from './event-bus.js';
import { WidgetScope } from './scope.js';

declare module '@digione/sdk' {
  interface WidgetEventMap {
    'test.ping': { n: number };
  }
}

const manifest = {
  id: 'acme.test',
  version: '1.2.3',
  title: { fi: 'Testi', sv: 'Test', en: 'Test' },
  events: { publishes: ['test.ping'], subscribes: ['test.ping'] },
  scopes: ['bulletin.read'],
} as unknown as WidgetManifest;

const source: ContextSource = {
  user: {
    id: 'g1',
    displayName: 'Tiina Testinen',
    idp: 'suomifi',
    roles: [
      { role: 'guardian', tenant: 'vantaa', groups: [] },
      { role: 'teacher', tenant: 'vantaa', schoolOid: '1.2', groups: [] },
      { role: 'teacher', tenant: 'vantaa', schoolOid: '1.3', groups: [] },
      { role: 'teacher', tenant: 'espoo', schoolOid: '1.4', groups: [] },
    ],
    roleNames: ['guardian', 'teacher'],
    tenants: ['vantaa', 'espoo'],
    schools: [],
    children: [{ learnerOid: '1.2.246.562.98.1', name: 'Eka', tenant: 'vantaa' }],
  },
  role: 'guardian',
  tenant: { id: 'vantaa', name: { fi: 'Vantaa', sv: 'Vanda', en: 'Vantaa' } },
  actingFor: { learnerOid: '1.2.246.562.98.1', name: 'Eka', tenant: 'vantaa' },
};

function services(notified: WidgetNotification[] = [], bus = new EventBus()): ContextServices {
  return {
    bus,
    notify: (notification) => notified.push(notification),
    navigation: { root: document },
    apiUrl: 'http://api.test',
    token: async (request) => `token-of-${request.widget}`,
    fetch: fakeFetch(() => ({ json: { items: [] } })).fetch,
  };
}

/**
 * Where `needle` occurs in the object graph of `roots` (own properties of every kind, getters read, prototypes,
 * headers and bodies of requests and responses), as a path; undefined when nowhere. DOM nodes are not entered: the
 * page's document is not the context's to hold.
 */
function findString(roots: unknown[], needle: string): string | undefined {
  const seen = new Set<unknown>();
  const queue: Array<[unknown, string]> = roots.map((root, i) => [root, `root${i}`]);
  while (queue.length > 0) {
    const [value, path] = queue.shift()!;
    if (typeof value === 'string') {
      if (value.includes(needle)) return path;
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (value instanceof Node || value === window) continue;
    if (value instanceof Headers) queue.push([JSON.stringify([...value]), `${path}.entries`]);
    if (value instanceof Request || value instanceof Response) queue.push([value.headers, `${path}.headers`], [value.url, `${path}.url`]);
    if (typeof value === 'function') queue.push([Function.prototype.toString.call(value), `${path}.toString()`]);
    if (value instanceof Error) queue.push([`${value.message} ${value.stack ?? ''}`, `${path}.message`]);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      let child: unknown = descriptor?.value;
      if (descriptor?.get) {
        try {
          child = Reflect.get(value, key);
        } catch {
          continue;
        }
      }
      queue.push([child, `${path}.${String(key)}`]);
    }
    queue.push([Object.getPrototypeOf(value), `${path}.__proto__`]);
  }
  return undefined;
}

describe('widget context', () => {
  before(async () => {
    document.documentElement.lang = 'fi';
    await initLocale();
  });
  after(() => setLocale('fi'));

  it('tells the widget who, where, which role and which child, frozen', () => {
    const context = createWidgetContext(services(), source, manifest, 'one', { days: 5 }, new WidgetScope());
    expect(context.widget).to.deep.equal({ id: 'acme.test', instanceId: 'one', version: '1.2.3' });
    expect(context.user.activeRole).to.equal('guardian');
    expect(context.user.roles).to.deep.equal(['guardian', 'teacher']);
    expect(context.user.actingFor).to.deep.equal({ learnerOid: '1.2.246.562.98.1', name: 'Eka' });
    expect(context.tenant).to.deep.equal({ id: 'vantaa', name: 'Vantaa' });
    expect(context.theme.brand).to.equal('Vantaa');
    expect(['light', 'dark']).to.include(context.theme.scheme);
    expect(context.config).to.deep.equal({ days: 5 });
    expect(Object.isFrozen(context) && Object.isFrozen(context.user) && Object.isFrozen(context.config)).to.equal(true);
  });

  it('tells the widget the school the user acts in: the chosen one, or the only one of the role in the tenant', () => {
    const schools = [
      { oid: '1.2', code: '00002', name: 'Ykköskoulu', tenant: 'vantaa' },
      { oid: '1.3', code: '00003', name: 'Tvåans skola', tenant: 'vantaa' },
      { oid: '1.4', code: '00004', name: 'Kolmoskoulu', tenant: 'espoo' },
    ];
    const user = { ...source.user, schools };
    const espoo = { id: 'espoo', name: { fi: 'Espoo', sv: 'Esbo', en: 'Espoo' } };
    const schoolOf = (changes: Partial<ContextSource>) =>
      createWidgetContext(services(), { ...source, user, actingFor: undefined, ...changes }, manifest, 'one', {}, new WidgetScope()).user.school;
    const chosen = schoolOf({ role: 'teacher', school: '1.3' });
    expect(chosen).to.deep.equal({ oid: '1.3', name: 'Tvåans skola' });
    expect(Object.isFrozen(chosen)).to.equal(true);
    expect(schoolOf({ role: 'teacher', tenant: espoo }), 'one school in Espoo').to.deep.equal({ oid: '1.4', name: 'Kolmoskoulu' });
    // Two schools and no choice: no guess. A school of another tenant is not chosen here.
    expect(schoolOf({ role: 'teacher' })).to.equal(undefined);
    expect(schoolOf({ role: 'teacher', school: '1.4' })).to.equal(undefined);
    // A guardian acts for a child, not in a school.
    expect(schoolOf({ role: 'guardian', school: '1.2' })).to.equal(undefined);
  });

  it('follows the locale and theme, and releases every listener and subscription when the widget unmounts', async () => {
    const notified: WidgetNotification[] = [];
    const bus = new EventBus();
    const scope = new WidgetScope();
    const context = createWidgetContext(services(notified, bus), source, manifest, 'one', {}, scope);
    const locales: string[] = [];
    const schemes: string[] = [];
    context.onLocaleChange((locale) => locales.push(locale));
    context.onThemeChange((theme) => schemes.push(theme.scheme));
    context.events.subscribe('test.ping', () => undefined);
    expect(scope.size).to.equal(3);
    expect(bus.subscriptionCount).to.equal(1);

    await setLocale('sv');
    expect(locales).to.deep.equal(['sv']);
    expect(context.locale).to.equal('sv');
    expect(context.theme.brand).to.equal('Vanda');
    document.documentElement.dataset.theme = context.theme.scheme === 'dark' ? 'light' : 'dark';
    await waitUntil(() => schemes.length === 1);
    context.notifications.notify({ kind: 'info', message: 'hei' });
    expect(notified).to.have.length(1);

    scope.end();
    expect(scope.size).to.equal(0);
    expect(bus.subscriptionCount).to.equal(0);
    await setLocale('en');
    document.documentElement.dataset.theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    await new Promise((resolve) => setTimeout(resolve, 0));
    context.notifications.notify({ kind: 'info', message: 'after unmount' });
    expect(locales).to.deep.equal(['sv']);
    expect(schemes).to.have.length(1);
    expect(notified).to.have.length(1);
    delete document.documentElement.dataset.theme;
  });

  it('gives each widget an API client that names it', async () => {
    const fake = fakeFetch(() => ({ json: { items: [] } }));
    const context = createWidgetContext({ ...services(), fetch: fake.fetch }, source, manifest, 'one', {}, new WidgetScope());
    await context.api.GET('/v1/bulletin');
    expect(fake.received[0]?.headers.get('X-DigiOne-Widget')).to.equal('acme.test');
    expect(fake.received[0]?.headers.get('Authorization')).to.equal('Bearer token-of-acme.test');
  });

  it('asks for the token of this widget on this dashboard: its scopes, tenant, role and child', async () => {
    const asked: WidgetTokenRequest[] = [];
    const context = createWidgetContext(
      { ...services(), token: async (request) => (asked.push(request), 'widget-token') },
      source,
      manifest,
      'one',
      {},
      new WidgetScope(),
    );
    await context.api.GET('/v1/bulletin');
    expect(asked).to.deep.equal([
      { widget: 'acme.test', scopes: ['bulletin.read'], tenant: 'vantaa', role: 'guardian', child: '1.2.246.562.98.1' },
    ]);
  });

  it('holds no token anywhere a widget can reach: the context, its prototypes, answers and errors', async () => {
    const secret = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXdpZGdldC10b2tlbg.c2ln';
    let status = 200;
    const fake = fakeFetch(() => (status === 200 ? { json: { items: [] } } : { status, problem: problem(status, 'forbidden', 'Not yours.') }));
    const context = createWidgetContext({ ...services(), token: async () => secret, fetch: fake.fetch }, source, manifest, 'one', {}, new WidgetScope());
    const answer = await context.api.GET('/v1/bulletin');
    status = 403;
    let failure: unknown;
    try {
      await context.api.GET('/v1/bulletin');
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(PlatformApiError);
    // The token did travel, to the platform API only.
    expect(fake.received[0]?.headers.get('Authorization')).to.equal(`Bearer ${secret}`);
    expect(findString([context, answer, failure], secret)).to.equal(undefined);
    // The search does look into headers, closures' source and getters: it finds the token where it really is.
    expect(findString([{ sent: fake.received[0]?.headers }], secret)).to.equal('root0.sent.entries');
  });
});
