/**
 * `@digione/design-system`: tokens, locale helper and the `d1-` components. Importing the package defines every
 * tag; the shell also links `@digione/design-system/tokens.css` once for the whole page.
 *
 * @packageDocumentation
 */
import './components/button/button.js';
import './components/card/card.js';
import './components/grid/grid.js';

export { D1Button } from './components/button/button.component.js';
export type { ButtonType, ButtonVariant } from './components/button/button.component.js';
export { D1Card } from './components/card/card.component.js';
export type { CardState, HeadingLevel } from './components/card/card.component.js';
export { D1Grid } from './components/grid/grid.component.js';
export type { GridSize } from './components/grid/grid.component.js';
export { D1RetryEvent } from './events/retry.js';
export { defineElement, TAG_CONFLICT } from './define.js';
export { DEFAULT_LOCALE, LOCALES, LocaleController, defineStrings, localeOf, toLocale } from './i18n.js';
export type { Locale, StringTable, Translation } from './i18n.js';
export { TOKEN_PREFIX, adoptTokens, breakpoints, tokenValues, tokensCss, tokensCssText } from './tokens.js';
export type { CommonToken, SchemeToken, TokenName } from './tokens.js';
