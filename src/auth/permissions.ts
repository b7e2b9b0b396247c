export const ROLES = ['admin', 'supervisor', 'agent', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The permission matrix: which roles hold each permission. This one table is what routes check
 * (`addRoute({ permission })`) and what docs/permissions.md describes; API tokens may narrow it further.
 * Ticket visibility has one more rule, team scoping (`tickets.read_all_teams`), applied in queries.
 */
export const PERMISSION_MATRIX = {
  /** See tickets, their messages, notes, events and media (agents: only their teams', see ticket-access). */
  'tickets.read': ['admin', 'supervisor', 'agent', 'auditor'],
  /** See every team's tickets, not only the caller's teams and assignments. */
  'tickets.read_all_teams': ['admin', 'supervisor', 'auditor'],
  /** See card and IBAN numbers in ticket previews and search results (others see them masked). */
  'tickets.read_unmasked': ['admin', 'supervisor', 'auditor'],
  /** Reply, add notes, change status, priority, assignee, team and tags; upload attachments. */
  'tickets.write': ['admin', 'supervisor', 'agent'],
  /** Open media flagged sensitive (identity documents, financial receipts). */
  'media.read_sensitive': ['admin', 'supervisor', 'auditor'],
  /** Flag or unflag media as sensitive. */
  'media.classify': ['admin', 'supervisor'],
  /** List users and teams (names and roles, for assignment). */
  'directory.read': ['admin', 'supervisor', 'agent', 'auditor'],
  /** See card and IBAN numbers read from media and messages unmasked (others see •••• 4242). */
  'pii.unmasked': ['admin'],
  /** Read reports: analytics, SLA compliance, surveys. */
  'reports.read': ['admin', 'supervisor', 'auditor'],
  /** Change how Sightline works: analysis, routing rules, bot, SLA policies and calendars, knowledge base. */
  'settings.manage': ['admin', 'supervisor'],
  /** Sync WhatsApp templates from Meta and edit canned replies. */
  'templates.manage': ['admin', 'supervisor'],
  /** Create users, change roles, disable users, manage teams and their members. */
  'users.manage': ['admin'],
  /** Create, list and revoke API tokens. */
  'tokens.manage': ['admin'],
  /** Query, export and verify the audit trail. */
  'audit.read': ['admin', 'auditor'],
  /** Export everything about a customer (data-protection access request). */
  'customers.export': ['admin'],
  /** Erase a customer (data-protection erasure request). */
  'customers.erase': ['admin'],
  /** See retention policies and the last runs. */
  'retention.read': ['admin', 'auditor'],
  /** Change retention policies. */
  'retention.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_MATRIX;
export const PERMISSIONS = Object.keys(PERMISSION_MATRIX) as Permission[];

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => (PERMISSION_MATRIX[p] as readonly Role[]).includes(role));
}

/** A token's permissions: its role's, narrowed to the scopes it was created with (never widened). */
export function scopedPermissions(role: Role, scopes: readonly Permission[] | null): Permission[] {
  const granted = permissionsOf(role);
  return scopes === null ? granted : granted.filter((p) => scopes.includes(p));
}
