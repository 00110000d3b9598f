/** WCAG 2.1 contrast, for the `#rgb`/`#rrggbb` colours of tenant themes. */

/** Code of the error for a colour this module cannot read. */
export const INVALID_COLOR = 'design-system.invalid-color';

/** Parses `#rgb` or `#rrggbb` into 0–255 channels; throws (code {@link INVALID_COLOR}) for anything else. */
export function parseHexColor(color: string): readonly [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  const hex = match?.[1];
  if (!hex) {
    throw new TypeError(`${INVALID_COLOR}: "${color}" is not a #rgb or #rrggbb colour (theme colours must be opaque hex).`);
  }
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as unknown as readonly [number, number, number];
}

/** Relative luminance (WCAG 2.1 definition). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseHexColor(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
