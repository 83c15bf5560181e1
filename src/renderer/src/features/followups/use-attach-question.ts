import { useCallback, useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { FollowUp, Patient } from '../../../../shared/counter';
import { loket } from '../../api';
import { attachQuestion, recordProbes, type AttachPick, type AttachQuestion } from './attach-question';

/**
 * The question before an identity is joined to an emergency (attach-question.ts): `ask` looks up
 * the record the identity would join (by NIK, else card) and opens the question; `close` ends it
 * and gives the focus back to where it was (the "Pakai" pressed). A newer `ask` wins over a
 * slower older one.
 */
export function useAttachQuestion(onError: (error: ContractError) => void) {
  const [question, setQuestion] = useState<AttachQuestion | null>(null);
  const back = useRef<HTMLElement | null>(null);
  const ticket = useRef(0);

  const ask = useCallback(
    async (f: FollowUp, pick: AttachPick) => {
      const mine = ++ticket.current;
      back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      let known: Patient | null = null;
      for (const by of recordProbes(pick)) {
        const found = await loket.findPatient(by);
        if (mine !== ticket.current) return;
        if (!found.ok) return onError(found.error);
        if (found.value && found.value.id !== f.patient.id) {
          known = found.value;
          break;
        }
      }
      setQuestion(attachQuestion(f, pick, known));
    },
    [onError],
  );

  /** Ends the question; `refocus` (a "no"): the focus goes back to the button that asked. */
  const close = useCallback((refocus: boolean) => {
    ticket.current++;
    setQuestion(null);
    if (refocus) requestAnimationFrame(() => back.current?.isConnected && back.current.focus());
  }, []);

  return { question, ask, close };
}
