import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { pageKind, PINNED_RETRIES, shellCsp, withIntegrityMap, type ContentSources } from './content-security.ts';

const PAGE = `<!doctype html>
<html><head>
<meta charset="utf-8" />
<script>document.documentElement.lang = 'fi';</script>
<style>body { margin: 0 }</style>
<script type="module" crossorigin src="/assets/main.js"></script>
</head><body></body></html>`;

const PLATFORM = { identity: 'https://id.example', api: 'https://api.example', registry: 'https://registry.example' };
const HASH = `sha384-${'A'.repeat(64)}`;
const SOURCES: ContentSources = {
  script: ['https://kajo.example'],
  frame: ['https://vire.example'],
  img: ['https://logos.example'],
  integrity: { 'https://kajo.example/s/remoteEntry.js': HASH, 'https://kajo.example/s/assets/a.js': HASH },
  entries: ['https://kajo.example/s/remoteEntry.js'],
};

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? '', values]));
const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('withIntegrityMap', () => {
  test('puts an import map pinning every file, and the retry URLs of entries, before the first script', () => {
    const html = withIntegrityMap(PAGE, SOURCES);
    const at = html.indexOf('<script type="importmap">');
    assert.ok(at > 0 && at < html.indexOf('<script>'), 'before every script');
    const map = JSON.parse(/<script type="importmap">([^<]*)<\/script>/.exec(html)![1]!) as { imports: object; integrity: Record<string, string> };
    assert.deepEqual(map.imports, {});
    assert.equal(map.integrity['https://kajo.example/s/assets/a.js'], HASH);
    for (let n = 1; n <= PINNED_RETRIES; n++) assert.equal(map.integrity[`https://kajo.example/s/remoteEntry.js?digione-retry=${n}`], HASH);
    assert.equal(map.integrity['https://kajo.example/s/assets/a.js?digione-retry=1'], undefined, 'chunks are never retried by URL');
  });

  test('leaves the page alone when nothing is pinned or the registry is down', () => {
    assert.equal(withIntegrityMap(PAGE, { ...SOURCES, integrity: {}, entries: [] }), PAGE);
    assert.equal(withIntegrityMap(PAGE, undefined), PAGE);
  });

  test('a URL cannot close the script element', () => {
    const html = withIntegrityMap(PAGE, { ...SOURCES, integrity: { 'https://x.example/</script><script>alert(1)</script>': HASH }, entries: [] });
    assert.equal(html.match(/<\/script>/g)?.length, PAGE.match(/<\/script>/g)!.length + 1);
  });
});

describe('shellCsp', () => {
  test('allows the approved origins and the inline elements by hash, and nothing inline else', () => {
    const html = withIntegrityMap(PAGE, SOURCES);
    const csp = directives(shellCsp(html, PLATFORM, SOURCES));
    const importMap = /<script type="importmap">([^<]*)<\/script>/.exec(html)![1]!;
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [
      "'self'",
      sha256(importMap),
      sha256("document.documentElement.lang = 'fi';"),
      'https://kajo.example',
    ]);
    assert.deepEqual(csp.get('style-src'), ["'self'", sha256('body { margin: 0 }')]);
    assert.deepEqual(csp.get('connect-src'), ["'self'", 'https://id.example', 'https://api.example', 'https://registry.example', 'https://kajo.example']);
    // The shell's own origin: the admin area frames the preview page ("Preview as").
    assert.deepEqual(csp.get('frame-src'), ["'self'", 'https://vire.example']);
    assert.deepEqual(csp.get('img-src'), ["'self'", 'data:', 'https://kajo.example', 'https://logos.example']);
    assert.deepEqual(csp.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(csp.get('trusted-types'), ['lit-html']);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  });

  test('with the registry down, no widget origin is allowed and no other origin\'s frame either', () => {
    const csp = directives(shellCsp(PAGE, PLATFORM, undefined));
    assert.ok(!csp.get('script-src')!.some((s) => s.startsWith('https://')));
    assert.deepEqual(csp.get('frame-src'), ["'self'"]);
  });

  test('only the preview page may be framed, and only by the shell\'s own origin', () => {
    assert.equal(pageKind('/preview'), 'preview');
    assert.equal(pageKind('/admin/dashboards/pupil'), 'other');
    assert.equal(pageKind('/preview/x'), 'other');
    assert.deepEqual(directives(shellCsp(PAGE, PLATFORM, undefined, pageKind('/preview'))).get('frame-ancestors'), ["'self'"]);
    assert.deepEqual(directives(shellCsp(PAGE, PLATFORM, undefined, pageKind('/'))).get('frame-ancestors'), ["'none'"]);
  });
});
