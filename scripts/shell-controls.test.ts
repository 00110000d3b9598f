/**
 * Issue 7 point 4: the shell uses the design system's controls and hand-rolls none of them. This reads every lit
 * template (html`…`) and every `document.createElement(…)` call in shell/src (tests aside) with the TypeScript parser,
 * so that comments and strings that merely mention `<button>` do not count, and fails on a native control element or
 * an ARIA widget role that is not in ALLOWED below with a reason. A use the design system covers belongs in its
 * component: d1-button / d1-icon-button, d1-link, d1-select, d1-text-field, d1-textarea, d1-checkbox, d1-switch,
 * d1-radio-group, d1-menu, d1-tabs, d1-dialog.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const SHELL_SRC = join(ROOT, 'shell/src');

/** Native elements the design system has a component for. */
const NATIVE_CONTROLS = ['a', 'button', 'select', 'input', 'textarea'] as const;

/** Roles of interactive ARIA widgets: a template that gives one to an element is building a control by hand. */
const WIDGET_ROLES = [
  'button', 'link', 'checkbox', 'radio', 'radiogroup', 'switch', 'tab', 'tablist', 'tabpanel', 'menu', 'menubar',
  'menuitem', 'menuitemcheckbox', 'menuitemradio', 'listbox', 'option', 'combobox', 'slider', 'spinbutton',
  'textbox', 'searchbox', 'dialog', 'alertdialog', 'tree', 'treeitem', 'grid',
];

/**
 * Each exception: the file (relative to shell/src), the element or `role=…` found there, and why the design system's
 * component does not fit. An entry that no longer matches anything fails the test, so the list cannot rot.
 */
const ALLOWED: Array<{ file: string; found: string; reason: string }> = [
  {
    file: 'admin/csv.ts',
    found: 'a',
    reason:
      'a detached, hidden anchor that only starts the audit CSV\'s Blob download with a file name (clicked once and ' +
      'removed, never shown): the way a browser saves a Blob; d1-link renders its anchor in a shadow root',
  },
];

interface Finding {
  file: string;
  found: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.startsWith('testing'))
    .map((file) => join(dir, file));
}

/** The literal text of a tagged template, with each `${…}` replaced by a placeholder that is no tag name. */
function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((span) => `\u0000${span.literal.text}`).join('');
}

/** The native controls and widget roles in one template's markup. */
function inMarkup(markup: string): string[] {
  const found: string[] = [];
  for (const match of markup.matchAll(/<([a-z][a-z0-9-]*)(?=[\s/>\u0000])/gi)) {
    const tag = match[1]!.toLowerCase();
    if ((NATIVE_CONTROLS as readonly string[]).includes(tag)) found.push(tag);
  }
  for (const match of markup.matchAll(/\srole\s*=\s*["']?([a-z]+)/gi)) {
    const role = match[1]!.toLowerCase();
    if (WIDGET_ROLES.includes(role)) found.push(`role=${role}`);
  }
  return found;
}

/** Every native control and hand-made widget role in a source file's templates and createElement calls. */
export function findControls(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const add = (node: ts.Node, found: string): void => {
    findings.push({ file, found, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && /^(html|svg)$/.test(node.tag.getText())) {
      for (const found of inMarkup(templateText(node.template))) add(node, found);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'createElement' &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (NATIVE_CONTROLS as readonly string[]).includes(node.arguments[0].text.toLowerCase())
    ) {
      add(node, node.arguments[0].text.toLowerCase());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

test('the scan sees native controls and widget roles in templates and createElement, and nothing in comments', () => {
  const found = findControls(
    'example.ts',
    [
      '/** A native `<select>` in a comment is no control. */',
      "const text = '<button>';",
      'const a = html`<a href=${url}>x</a>`;',
      'const b = html`<div>${html`<button type="button">x</button>`}</div>`;',
      'const c = html`<select\n  @change=${f}></select><input type="text">`;',
      'const d = html`<div role="tab" tabindex="0"></div><p role="status"></p><abbr>x</abbr>`;',
      "const e = document.createElement('button');",
      'const f = html`<d1-button>x</d1-button><d1-link href="/">y</d1-link><address></address>`;',
    ].join('\n'),
  ).map(({ found, line }) => `${line}:${found}`);
  assert.deepEqual(found.sort(), ['3:a', '4:button', '5:input', '5:select', '7:role=tab', '8:button'].sort());
});

test('the shell hand-rolls no control the design system has', () => {
  const findings = sourceFiles(SHELL_SRC).flatMap((path) =>
    findControls(relative(SHELL_SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')),
  );
  const allowed = (f: Finding): boolean => ALLOWED.some((a) => a.file === f.file && a.found === f.found);
  const unexpected = findings.filter((f) => !allowed(f)).map((f) => `shell/src/${f.file}:${f.line} <${f.found}>`);
  assert.deepEqual(
    unexpected,
    [],
    'use the design system\'s component (d1-button, d1-link, d1-select, …), or add an entry with a reason to ALLOWED',
  );
  const stale = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.found === a.found));
  assert.deepEqual(stale, [], 'these allow-list entries match nothing any more: remove them');
});

test('the header\'s switchers are design-system components', () => {
  const app = findControls('layout/app.ts', readFileSync(join(SHELL_SRC, 'layout/app.ts'), 'utf8'));
  assert.deepEqual(app, [], 'layout/app.ts (header, landing page, dashboard) uses only design-system controls');
  const text = readFileSync(join(SHELL_SRC, 'layout/app.ts'), 'utf8');
  for (const tag of ['d1-button', 'd1-select', 'd1-link']) assert.match(text, new RegExp(`<${tag}[\\s>]`), `app.ts renders ${tag}`);
});
