/**
 * The contrast rule of tenant themes: a policy whose colours miss WCAG 2.1 AA is refused, one issue per failing pair.
 * The rule itself is the design system's (`checkThemeContrast`, the same the shell applies at run time), so the
 * registry never accepts a theme the shell would refuse.
 */
import { checkThemeContrast, themeFromBrand, type ContrastFailure } from '@digione/design-system/theme.js';
import type { BrandColours, TenantPolicy } from '../generated/tenant-policy.v1.ts';
import { pointerOf, type ValidationIssue } from './issues.ts';

/** Where a scheme's colours live in a policy. */
const SCHEME_FIELD = { light: 'colours', dark: 'dark' } as const;

/** The field to fix: the first colour of the pair the policy states (a left-out one stands in for another). */
function fieldOf(failure: ContrastFailure, stated: BrandColours): string {
  for (const field of failure.fields) if (field in stated) return field;
  // `onAccent` defaults to `onPrimary`, `accent` to `primary`.
  return failure.fields.some((f) => f === 'onAccent' || f === 'onPrimary') ? 'onPrimary' : 'primary';
}

/** `light scheme: #777777 on #ffffff (primary on surface) is 4.47:1; text needs 4.5:1`. */
export function contrastReason(failure: ContrastFailure): string {
  return (
    `${failure.scheme} scheme: ${failure.foreground} on ${failure.background} (${failure.pair}) is ` +
    `${failure.ratio.toFixed(2)}:1; ${failure.kind === 'text' ? 'text' : 'a user-interface part'} needs ${failure.minimum}:1`
  );
}

/** The contrast issues of `policy`'s theme in `file`, each pair once (a left-out colour repeats another pair). */
export function themeContrastIssues(policy: TenantPolicy, file: string): ValidationIssue[] {
  const { theme } = policy;
  const failures = checkThemeContrast(themeFromBrand({ name: policy.tenant, light: theme.colours, dark: theme.dark }));
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const failure of failures) {
    const stated = failure.scheme === 'light' ? theme.colours : theme.dark;
    // No `dark`: the dark scheme keeps DigiOne's colours, which pass; nothing of the policy to point at.
    if (!stated) continue;
    const pointer = pointerOf('/theme', SCHEME_FIELD[failure.scheme], fieldOf(failure, stated));
    const key = `${pointer} ${failure.foreground} ${failure.background} ${failure.minimum}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({
      file,
      pointer,
      code: 'theme-contrast',
      reason: contrastReason(failure),
      hint: 'WCAG 2.1 AA: 4.5:1 for text, 3:1 for user-interface parts; choose a darker or lighter colour',
    });
  }
  return issues;
}
