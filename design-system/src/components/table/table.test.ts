import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { D1SortEvent } from '../../events/sort.js';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Table, TableColumn, TableRow } from './table.component.js';
import './table.js';

adoptTokens();

const columns: TableColumn[] = [
  { key: 'name', label: 'Nimi', sortable: true },
  { key: 'grade', label: 'Arvosana', sortable: true, align: 'end' },
  { key: 'group', label: 'Ryhmä' },
];
const rows: TableRow[] = [
  { name: 'Örjan', grade: 8, group: '7A' },
  { name: 'Aino', grade: 10, group: '7B' },
  { name: 'Äijälä', grade: 9, group: '7A' },
  { name: 'Bertta', grade: 7, group: '7B' },
];

async function table(): Promise<D1Table> {
  return fixture<D1Table>(html`<d1-table caption="Arvosanat" .columns=${columns} .rows=${rows}></d1-table>`);
}

function firstColumn(el: D1Table): string[] {
  return [...(el.shadowRoot?.querySelectorAll('tbody tr td:first-child span:last-child') ?? [])].map((td) => td.textContent ?? '');
}

function headers(el: D1Table): HTMLTableCellElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLTableCellElement>('thead th') ?? [])];
}

describe('d1-table', () => {
  afterEach(async () => {
    await setPageLocale(null);
    await setViewport({ width: 800, height: 600 });
  });

  it('a captioned table; only sortable columns have buttons; no aria-sort until sorted', async () => {
    const el = await table();
    expect(shadowText(el, 'caption')).to.equal('Arvosanat');
    expect(headers(el).map((th) => th.querySelector('button') !== null)).to.deep.equal([true, true, false]);
    expect(headers(el).some((th) => th.hasAttribute('aria-sort'))).to.equal(false);
    expect(firstColumn(el)).to.deep.equal(['Örjan', 'Aino', 'Äijälä', 'Bertta']);
  });

  it('Enter on a header sorts ascending then descending, with aria-sort, Finnish collation and an announcement', async () => {
    const el = await table();
    const sorts: string[] = [];
    el.addEventListener(D1SortEvent.eventName, (event) => sorts.push(`${event.column} ${event.direction}`));
    part<HTMLButtonElement>(el, 'th button').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headers(el)[0]?.getAttribute('aria-sort')).to.equal('ascending');
    expect(firstColumn(el)).to.deep.equal(['Aino', 'Bertta', 'Äijälä', 'Örjan']);
    expect(shadowText(el, '[role="status"]')).to.equal('Järjestetty sarakkeen Nimi mukaan nousevasti');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headers(el)[0]?.getAttribute('aria-sort')).to.equal('descending');
    expect(firstColumn(el)).to.deep.equal(['Örjan', 'Äijälä', 'Bertta', 'Aino']);
    expect(sorts).to.deep.equal(['name ascending', 'name descending']);
  });

  it('numbers sort numerically; only the sorted column has aria-sort', async () => {
    const el = await table();
    (headers(el)[0]?.querySelector('button') as HTMLButtonElement).click();
    (headers(el)[1]?.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(headers(el).map((th) => th.getAttribute('aria-sort'))).to.deep.equal([null, 'ascending', null]);
    expect(firstColumn(el)).to.deep.equal(['Bertta', 'Örjan', 'Äijälä', 'Aino']);
  });

  it('stacks rows under 640 px, showing each cell with its header', async () => {
    await setViewport({ width: 400, height: 800 });
    const el = await table();
    const label = part(el, 'tbody td .cell-label');
    expect(getComputedStyle(label).display).to.equal('block');
    expect(getComputedStyle(part(el, 'tbody tr')).display).to.equal('block');
    await setViewport({ width: 800, height: 600 });
    await el.updateComplete;
    expect(getComputedStyle(label).display).to.equal('none');
  });

  it('an empty table says so, localized', async () => {
    await setPageLocale('sv');
    const el = await fixture<D1Table>(html`<d1-table caption="Kurser" .columns=${columns} .rows=${[]}></d1-table>`);
    expect(shadowText(el, 'tbody')).to.equal('Inga rader att visa');
  });

  it('axe: unsorted, sorted, stacked, dark', async () => {
    const el = await table();
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'th button').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await setViewport({ width: 400, height: 800 });
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
  });
});
