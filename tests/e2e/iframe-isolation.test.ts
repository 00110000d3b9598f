/**
 * An `iframe` widget that blocks its main thread for good cannot freeze the dashboard (issue 5, point 2): the
 * vendor's page runs on another site (127.0.0.1 rather than localhost, as a vendor's own domain would be), so the
 * browser runs it in a process of its own. The widget is a real one: it connects through `@digione/sdk/bridge`,
 * becomes ready, then spins forever.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

const PORT = 4294;
/** Another site than the shell's localhost: 127.0.0.1. */
const ORIGIN = `http://127.0.0.1:${PORT}`;
const WIDGET = 'fixture.spinning-iframe';

const PAGE_SCRIPT = `
import { connectToHost } from '@digione/sdk/bridge';
const context = await connectToHost();
const p = document.createElement('p');
p.textContent = 'connected in ' + context.locale;
document.body.append(p);
// Tell the test the loop starts now, then never give the thread back.
setTimeout(() => {
  navigator.sendBeacon('/spin/spinning');
  for (;;) {}
}, 0);
`;

const MANIFEST = {
  id: WIDGET,
  version: '1.0.0',
  vendor: { id: 'fixture', name: 'Fixture Oy' },
  title: { fi: 'Jumiutuva palvelu', sv: 'Tjänst som hänger sig', en: 'A service that hangs' },
  description: { fi: 'Testipalvelu.', sv: 'Testtjänst.', en: 'A test service.' },
  kind: 'iframe',
  entry: `${ORIGIN}/spin/`,
  sdk: '^0.2.0',
  roles: ['pupil'],
  scopes: [],
  locales: ['fi', 'sv', 'en'],
  sizes: ['m'],
};

describe('a hostile iframe widget', () => {
  const env = usePlatform([{ tenant: 'vantaa', role: 'pupil', widget: WIDGET, instanceId: 'spinning', size: 'm' }], {
    catalogue: () => [MANIFEST],
  });
  let dir: string;
  let host: FastifyInstance;
  let spinning: () => void;
  const started = new Promise<void>((resolve) => (spinning = resolve));

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'digione-spin-'));
    const bundled = await build({
      stdin: { contents: PAGE_SCRIPT, resolveDir: resolve(import.meta.dirname), loader: 'ts' },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
    });
    await writeFile(join(dir, 'page.js'), bundled.outputFiles[0]!.text);
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spinning</title><script type="module" src="page.js"></script></head><body></body></html>',
    );
    host = Fastify({ logger: false });
    host.addHook('onSend', async (_request, reply) => {
      reply.header('Content-Security-Policy', 'frame-ancestors http://localhost:4173');
    });
    host.post('/spin/spinning', async (_request, reply) => {
      spinning();
      return reply.code(204).send();
    });
    await host.register(fastifyStatic, { root: dir, prefix: '/spin/' });
    await host.listen({ port: PORT, host: '127.0.0.1' });
  });

  after(async () => {
    await host?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('spins forever after connecting, while the shell and every other widget stay usable', async () => {
    const page = await env.browser.newPage();
    await signIn(page, env.platform.urls.shell, 'pupil');
    const states = await settledWidgets(page, 5);
    assert.equal(states[WIDGET], 'ready', JSON.stringify(states));
    // Ready means the widget connected through the bridge; nothing can look inside the frame from now on.
    await started;

    // The frame's thread is stuck for good; the dashboard's is not.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    const schedule = page.locator('[data-widget="kajo.schedule"]');
    assert.equal(await schedule.getAttribute('data-state'), 'ready');
    await schedule.getByRole('button').first().click();
    assert.ok(Object.values(states).filter((state) => state === 'ready').length >= 4, JSON.stringify(states));
    await page.close();
  });
});
