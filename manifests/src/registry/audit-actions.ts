/**
 * The registry's audit actions, one per kind of admin write (and the preview, which reads). No imports and no other
 * code, so that the shell's admin area can list them (`@digione/manifests/audit-actions`) from the same place the
 * registry records them.
 */
export const AUDIT_ACTIONS = [
  'dashboard.draft.put',
  'dashboard.draft.delete',
  'dashboard.publish',
  'dashboard.rollback',
  'policy.put',
  'policy.widget.put',
  'policy.widget.delete',
  // Not a write: an admin previewed a draft as a preview persona (docs/decisions/0008-preview-as.md).
  'dashboard.preview',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
