/** A value as the audit log keeps it: lists joined, dates as ISO days. */
export type AuditValue = string | number | boolean | null;

/**
 * The fields whose value differs, each with its old and new value, for the
 * audit row's details (`{ field: { old, new } }`). Only pass fields that hold
 * no personal data.
 */
export function changedFields<K extends string>(before: Record<K, AuditValue>, after: Record<K, AuditValue>): Record<string, { old: AuditValue; new: AuditValue }> {
  const changes: Record<string, { old: AuditValue; new: AuditValue }> = {};
  for (const key of Object.keys(after) as K[]) {
    if (before[key] !== after[key]) changes[key] = { old: before[key], new: after[key] };
  }
  return changes;
}
