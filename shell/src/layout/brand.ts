/**
 * The tenant's brand on the page: its theme (registry policy, delivered with `/v1/me`) applied to `<html>` through
 * the design system's `applyBrand`, so the shell and every widget's `--d1-` tokens show the municipality's colours in
 * the light and the dark scheme.
 *
 * The design system's theme code (its contrast check reads every token) is not part of the first paint: it is in
 * the design-system chunk (tests/size/shell-js.ts LAZY), which {@link preloadTheming} starts fetching while the
 * dashboard is fetched, and which module widgets load anyway.
 */
import type { TenantInfo } from '../platform/registry.js';

const theming = () => import('@digione/design-system/theme.js');

/** Starts fetching the theme code, so that {@link brandPage} waits for no extra round trip. */
export function preloadTheming(): void {
  theming().catch(() => undefined);
}

/**
 * Brands the page for `tenant`, replacing the previous tenant's theme; a tenant without a theme gets DigiOne's.
 * A theme the design system refuses (one stored before the registry checked contrast, or a colour it cannot read)
 * or theme code that cannot be loaded is logged: the page shows DigiOne's colours, never unreadable ones or none.
 */
export async function brandPage(tenant: TenantInfo): Promise<void> {
  const theme = tenant.theme;
  try {
    (await theming()).applyBrand(theme && { name: tenant.id, logoUrl: theme.logo, light: theme.colours, dark: theme.dark });
  } catch (error) {
    console.error(`[digione] tenant ${tenant.id}: theme not applied:`, error);
  }
}
