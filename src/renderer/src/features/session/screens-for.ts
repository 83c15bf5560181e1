import type { Role } from '../../../../shared/accounts';

/**
 * Every screen the app can show, the audit screen included (its engineer adds it to the header's
 * list; until then the header simply has no tab for it).
 */
export type RoleScreen = 'search' | 'queue' | 'followUps' | 'lists' | 'reports' | 'settings' | 'audit';

const COUNTER: readonly RoleScreen[] = ['search', 'queue', 'followUps', 'lists', 'reports'];
const BY_ROLE: Record<Role, readonly RoleScreen[]> = {
  // The counter's work; the lists only to read (import, rollback and exports are the admin's).
  clerk: COUNTER,
  admin: [...COUNTER, 'settings', 'audit'],
  // Reads the audit trail and nothing else: no patient data beyond what the trail says.
  'data-officer': ['audit'],
};

/**
 * The screens a role may open, in the header's order. The core refuses the rest anyway
 * (METHOD_ACCESS in dispatch); this only keeps the clerk from a screen that would say "no".
 */
export function screensFor(role: Role | null): readonly RoleScreen[] {
  return role ? BY_ROLE[role] : [];
}

/** May this role open that screen (a tab click or a global key like Alt+6)? */
export function mayOpen(role: Role | null, screen: RoleScreen): boolean {
  return screensFor(role).includes(screen);
}

/** The first screen after sign-in: the counter's search, or the audit trail for a data officer. */
export function homeScreenFor(role: Role | null): RoleScreen {
  return screensFor(role)[0] ?? 'search';
}

/** Import, rollback and the import-issues export on the lists screen: the administrator's. */
export const managesLists = (role: Role | null): boolean => role === 'admin';
