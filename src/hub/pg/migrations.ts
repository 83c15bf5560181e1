import { m001Enrollment } from '../enrollment/001-enrollment';
import { m002Register } from '../register/002-register';
import { m003Editions } from '../editions/003-editions';
import { m004Bpjs } from '../bpjs/004-bpjs';
import { m005Accounts } from '../accounts/005-accounts';
import { m006AuditHeads } from '../audit/006-audit-heads';
import { m007EditionTransferKey } from '../editions/007-edition-transfer-key';
import { m008QueueNumbers } from '../register/008-queue-numbers';
import { m009PullStuck } from '../enrollment/009-pull-stuck';
import { m010CounterClock } from '../enrollment/010-counter-clock';
import { m011VisitUnits } from '../register/011-visit-units';
import { m012RegisterEpochs } from '../register/012-register-epochs';
import { m013QueueOrder } from '../register/013-queue-order';
import { m014CounterEditions } from '../enrollment/014-counter-editions';
import { m015OldMrn } from '../register/015-old-mrn';
import { m016AdminLog } from '../audit/016-admin-log';
import { m017CallTime } from '../register/017-call-time';
import { m018CounterZone } from '../enrollment/018-counter-zone';
import { m019UpstreamStatus } from '../editions/019-upstream-status';
import type { HubMigration } from './migration';

/** Ordered by version; each version once. */
export const HUB_MIGRATIONS: readonly HubMigration[] = [m001Enrollment, m002Register, m003Editions, m004Bpjs, m005Accounts, m006AuditHeads, m007EditionTransferKey, m008QueueNumbers, m009PullStuck, m010CounterClock, m011VisitUnits, m012RegisterEpochs, m013QueueOrder, m014CounterEditions, m015OldMrn, m016AdminLog, m017CallTime, m018CounterZone, m019UpstreamStatus];
