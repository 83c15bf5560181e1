import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/contract';
import { answered, edited, startForm, submitted, type Broken, type OwnForm } from './own-account-flow';

export interface OwnFormControls<D> {
  form: OwnForm<D>;
  set: (key: keyof D, value: string) => void;
  submit: (event: FormEvent) => void;
}

/**
 * One form of the "My account" dialog over the pure steps in own-account-flow.ts: checks the rules
 * on Enter, sends once, keeps the answer to say in words. The session itself follows the core's
 * `session` event (use-session.ts), so nothing here applies the returned view.
 */
export function useOwnForm<D>(empty: D, check: (draft: D) => Broken<D>, send: (draft: D) => Promise<Result<unknown>>, secretKey: keyof D): OwnFormControls<D> {
  const [form, setForm] = useState<OwnForm<D>>(() => startForm(empty));
  // The current form at once: a second Enter before the re-render must see 'busy'.
  const formRef = useRef(form);
  const update = useCallback((next: OwnForm<D>) => {
    formRef.current = next;
    setForm(next);
  }, []);
  const set = useCallback((key: keyof D, value: string) => update(edited(formRef.current, key, value)), [update]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const step = submitted(formRef.current, check);
    update(step.form);
    if (!step.send) return;
    const sent = step.form.draft;
    void send(sent).then((result) => update(answered(formRef.current, result, empty, secretKey, Date.now())));
  };
  return { form, set, submit };
}
