import { m001Enrollment } from '../enrollment/001-enrollment';
import { m002Register } from '../register/002-register';
import { m003Editions } from '../editions/003-editions';
import { m004Bpjs } from '../bpjs/004-bpjs';
import { m005Accounts } from '../accounts/005-accounts';
import type { HubMigration } from './migration';

/** Ordered by version; each version once. */
export const HUB_MIGRATIONS: readonly HubMigration[] = [m001Enrollment, m002Register, m003Editions, m004Bpjs, m005Accounts];
