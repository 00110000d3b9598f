/**
 * `@digione/design-system`: tokens, tenant themes, locale helper and the `d1-` components. Importing the package
 * defines every tag; the shell also links `@digione/design-system/tokens.css` once for the whole page.
 *
 * @packageDocumentation
 */
import './components/alert/alert.js';
import './components/avatar/avatar.js';
import './components/badge/badge.js';
import './components/button/button.js';
import './components/card/card.js';
import './components/checkbox/checkbox.js';
import './components/date-picker/date-picker.js';
import './components/dialog/dialog.js';
import './components/empty-state/empty-state.js';
import './components/grid/grid.js';
import './components/icon-button/icon-button.js';
import './components/link/link.js';
import './components/list/list.js';
import './components/menu/menu.js';
import './components/progress/progress.js';
import './components/radio-group/radio-group.js';
import './components/select/select.js';
import './components/spinner/spinner.js';
import './components/switch/switch.js';
import './components/table/table.js';
import './components/tabs/tabs.js';
import './components/text-field/text-field.js';
import './components/textarea/textarea.js';
import './components/toast/toast.js';

export { D1Alert } from './components/alert/alert.component.js';
export { D1Avatar, initials } from './components/avatar/avatar.component.js';
export { D1Badge } from './components/badge/badge.component.js';
export type { BadgeVariant } from './components/badge/badge.component.js';
export { D1Button } from './components/button/button.component.js';
export type { ButtonType, ButtonVariant } from './components/button/button.component.js';
export { D1Card } from './components/card/card.component.js';
export type { CardState, HeadingLevel } from './components/card/card.component.js';
export { D1Checkbox } from './components/checkbox/checkbox.component.js';
export { D1DatePicker } from './components/date-picker/date-picker.component.js';
export { D1Dialog } from './components/dialog/dialog.component.js';
export { D1EmptyState } from './components/empty-state/empty-state.component.js';
export { D1Grid } from './components/grid/grid.component.js';
export type { GridSize } from './components/grid/grid.component.js';
export { D1IconButton } from './components/icon-button/icon-button.component.js';
export { D1Link } from './components/link/link.component.js';
export { D1List, D1ListItem } from './components/list/list.component.js';
export { D1MenuItem } from './components/menu/menu-item.component.js';
export { D1Menu } from './components/menu/menu.component.js';
export { D1Progress } from './components/progress/progress.component.js';
export { D1RadioGroup } from './components/radio-group/radio-group.component.js';
export { D1Select } from './components/select/select.component.js';
export { D1Spinner } from './components/spinner/spinner.component.js';
export { D1Switch } from './components/switch/switch.component.js';
export { D1Table } from './components/table/table.component.js';
export type { TableColumn, TableRow } from './components/table/table.component.js';
export { D1TabPanel } from './components/tabs/tab-panel.component.js';
export { D1Tabs } from './components/tabs/tabs.component.js';
export { D1TextField } from './components/text-field/text-field.component.js';
export type { TextFieldType } from './components/text-field/text-field.component.js';
export { D1Textarea } from './components/textarea/textarea.component.js';
export { D1Toast } from './components/toast/toast.component.js';
export type { ToastOptions } from './components/toast/toast.component.js';
export { D1CloseEvent } from './events/close.js';
export type { CloseReason } from './events/close.js';
export { D1RetryEvent } from './events/retry.js';
export { D1SelectEvent } from './events/select.js';
export { D1SortEvent } from './events/sort.js';
export type { SortDirection } from './events/sort.js';
export type { StatusVariant } from './internal/status.strings.js';
export { defineElement, TAG_CONFLICT } from './define.js';
export { DEFAULT_LOCALE, LOCALES, LocaleController, defineStrings, localeOf, toLocale } from './i18n.js';
export type { Locale, StringTable, Translation } from './i18n.js';
export { INVALID_COLOR, contrastRatio, relativeLuminance } from './theme/contrast.js';
export {
  CONTRAST_MINIMUM,
  THEME_CONTRAST,
  ThemeContrastError,
  applyBrand,
  applyTheme,
  checkThemeContrast,
  clearTheme,
  describeFailure,
  themeFromBrand,
} from './theme/theme.js';
export type { BrandColours, ContrastFailure, ContrastKind, TenantTheme, ThemeColors } from './theme/theme.js';
export { TOKEN_PREFIX, adoptTokens, breakpoints, tokenValues, tokensCss, tokensCssText } from './tokens.js';
export type { CommonToken, SchemeToken, TokenName } from './tokens.js';
