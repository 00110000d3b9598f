import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adoptTokens } from '@digione/design-system';
import './theme-editor.js';
import type { DigioneThemeEditor, PolicyTheme, SaveOutcome } from './theme-editor.js';
import { THEME_STRINGS } from './theme-strings.js';

adoptTokens();

const VANTAA: PolicyTheme = {
  name: { fi: 'Vantaa', sv: 'Vanda', en: 'Vantaa' },
  colours: { primary: '#a4231c', onPrimary: '#ffffff', accent: '#00508f', onAccent: '#ffffff' },
  dark: { primary: '#ffb4a9', onPrimary: '#410002', accent: '#9fcaff', onAccent: '#002a4f' },
};

/** The editor with a recording `save` that answers `answer`. */
async function mount(answer: SaveOutcome = { kind: 'saved', version: 2 }) {
  const saved: PolicyTheme[] = [];
  const editor = await fixture<DigioneThemeEditor>(
    html`<digione-theme-editor
      .theme=${VANTAA}
      .locale=${'en'}
      .save=${(theme: PolicyTheme) => {
        saved.push(theme);
        return Promise.resolve(answer);
      }}
    ></digione-theme-editor>`,
  );
  return { editor, saved };
}

function input(editor: HTMLElement, name: string): HTMLInputElement {
  return editor.querySelector(`d1-text-field[name="${name}"]`)!.shadowRoot!.querySelector('input')!;
}

/** Replaces a field's text by keyboard, as a user would. */
async function retype(editor: DigioneThemeEditor, name: string, text: string): Promise<void> {
  const field = input(editor, name);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await editor.updateComplete;
}

const problems = (editor: HTMLElement, field: string) =>
  [...editor.querySelectorAll(`[data-problems-for="${field}"] li`)].map((li) => li.textContent?.trim());
const saveButton = (editor: HTMLElement) => editor.querySelector<HTMLElement>('.theme-editor d1-button[type="submit"]')!;
const fill = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor;

describe('the admin theme editor', () => {
  it('starts from the tenant theme and previews it in the light and the dark scheme', async () => {
    const { editor } = await mount();
    expect(input(editor, 'light.primary').value).to.equal('#a4231c');
    expect(input(editor, 'name-sv').value).to.equal('Vanda');
    expect(fill(editor.querySelector('[data-preview="light"] d1-button')!)).to.equal('rgb(164, 35, 28)');
    expect(fill(editor.querySelector('[data-preview="dark"] d1-button')!)).to.equal('rgb(255, 180, 169)');
    expect(saveButton(editor).hasAttribute('disabled')).to.equal(false);
  });

  it('names each failing pair under the field to fix, refuses to save, and saves once fixed', async () => {
    const { editor, saved } = await mount();
    await retype(editor, 'light.primary', '#777777');
    expect(problems(editor, 'light.primary')).to.deep.equal([
      'Primary colour on cards: #777777 on #ffffff is 4.47:1, needs 4.5:1.',
      'Primary colour on the page background: #777777 on #f4f6f9 is 4.13:1, needs 4.5:1.',
    ]);
    expect(problems(editor, 'light.onPrimary')).to.deep.equal(['Text on the primary colour: #ffffff on #777777 is 4.47:1, needs 4.5:1.']);
    expect(editor.querySelector('[data-theme-failing]')?.textContent).to.contain('3');
    expect(saveButton(editor).hasAttribute('disabled')).to.equal(true);
    expect(editor.querySelector('[data-preview="unavailable"]')).to.exist;
    // Enter in a field submits the form: refused while a pair fails.
    await sendKeys({ press: 'Enter' });
    expect(saved).to.have.length(0);

    await retype(editor, 'light.primary', '#1d5e2f');
    expect(problems(editor, 'light.primary')).to.deep.equal([]);
    expect(saveButton(editor).hasAttribute('disabled')).to.equal(false);
    saveButton(editor).click();
    await waitUntil(() => editor.querySelector('[data-theme-outcome="saved"]'));
    expect(saved).to.deep.equal([{ ...VANTAA, colours: { ...VANTAA.colours, primary: '#1d5e2f' } }]);
    expect(document.activeElement).to.equal(editor.querySelector('[data-theme-outcome="saved"]'));
    expect(editor.querySelector('[data-theme-outcome]')?.textContent).to.contain('version 2');
  });

  it('says a colour that is not #rrggbb and a logo that is not https, in Finnish too', async () => {
    const { editor } = await mount();
    editor.locale = 'fi';
    await retype(editor, 'dark.accent', 'blue');
    await retype(editor, 'logo', 'http://vantaa.example/logo.svg');
    expect(problems(editor, 'dark.accent')).to.deep.equal(['Kirjoita väri muodossa #rrggbb, esimerkiksi #0b5394.']);
    expect(problems(editor, 'logo')).to.deep.equal(['Logon osoitteen on alettava https://.']);
    expect(saveButton(editor).hasAttribute('disabled')).to.equal(true);
    await retype(editor, 'dark.accent', '#3a3a3a');
    // Finnish decimals, through Intl.
    expect(problems(editor, 'dark.accent')).to.deep.equal(['Korostusväri korteilla: #3a3a3a taustalla #171e28 on 1,47:1, vaaditaan 3:1.']);
  });

  it('shows the registry’s issues at their field, and a conflict with a reload', async () => {
    const refused = await mount({ kind: 'refused', issues: [{ pointer: '/theme/logo', reason: 'must be an https URL' }] });
    saveButton(refused.editor).click();
    await waitUntil(() => refused.editor.querySelector('[data-theme-outcome="refused"]'));
    expect(problems(refused.editor, 'logo')).to.deep.equal(['must be an https URL']);

    const conflict = await mount({ kind: 'conflict', version: 7 });
    let reloaded = false;
    conflict.editor.reload = () => (reloaded = true);
    saveButton(conflict.editor).click();
    await waitUntil(() => conflict.editor.querySelector('[data-theme-outcome="conflict"]'));
    expect(conflict.editor.querySelector('[data-theme-outcome]')?.textContent).to.contain('version 7');
    conflict.editor.querySelector<HTMLElement>('[data-theme-outcome] d1-button')!.click();
    expect(reloaded).to.equal(true);
  });

  it('passes axe in the light and the dark scheme, also while pairs fail', async () => {
    const { editor } = await mount();
    await expect(editor).to.be.accessible();
    await retype(editor, 'light.onPrimary', '#eeeeee');
    await expect(editor).to.be.accessible();
    document.documentElement.dataset['theme'] = 'dark';
    try {
      const dark = await mount();
      await expect(dark.editor).to.be.accessible();
    } finally {
      delete document.documentElement.dataset['theme'];
    }
  });

  it('has every string in Finnish, Swedish and English, none of them left in English', () => {
    const flat = (value: unknown, prefix = ''): Array<[string, string]> =>
      typeof value === 'string'
        ? [[prefix, value]]
        : Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => flat(child, `${prefix}/${key}`));
    const en = new Map(flat(THEME_STRINGS.en));
    for (const locale of ['fi', 'sv'] as const) {
      const translated = flat(THEME_STRINGS[locale]);
      expect(translated.map(([path]) => path).sort()).to.deep.equal([...en.keys()].sort());
      for (const [path, text] of translated) {
        expect(text, `${locale} ${path}`).to.not.equal(en.get(path));
        expect(text, `${locale} ${path}`).to.not.equal('');
      }
    }
  });
});
