import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryView, AuditVerifyResult } from '../../../../shared/audit';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';
import { auditQuery, personProblem, type AuditFilters } from './audit-filters';

/**
 * The audit screen's data: the newest page for the filters (reloaded when they change, or when
 * `reload` does: the lock lifted over a page refused behind it; an answer to older filters is
 * dropped), more pages on request, and the chain check.
 */
export function useAudit(filters: AuditFilters, reload = 0) {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<{ busy: boolean; result: AuditVerifyResult | null; error: ContractError | null }>({ busy: false, result: null, error: null });
  const ticket = useRef(0);
  const invalid = personProblem(filters.person) !== null;

  const load = useCallback(
    async (before?: number) => {
      if (invalid) return;
      const mine = ++ticket.current;
      setLoading(true);
      const page = await loket.auditEntries(auditQuery(filters, before));
      if (mine !== ticket.current) return;
      setLoading(false);
      if (!page.ok) return setError(page.error);
      setError(null);
      setEntries((shown) => (before === undefined ? page.value.entries : [...shown, ...page.value.entries]));
      setNextBefore(page.value.nextBefore);
    },
    [filters, invalid],
  );

  useEffect(() => {
    void load();
  }, [load, reload]);

  const more = useCallback(() => {
    if (nextBefore !== null) void load(nextBefore);
  }, [load, nextBefore]);

  const runVerify = useCallback(async () => {
    setVerify({ busy: true, result: null, error: null });
    const result = await loket.verifyAudit({});
    setVerify(result.ok ? { busy: false, result: result.value, error: null } : { busy: false, result: null, error: result.error });
  }, []);

  return { entries, nextBefore, error, loading, verify, runVerify, more, reload: () => void load() };
}
