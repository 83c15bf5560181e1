import type { ContractError } from '../../../shared/contract';

/** A failed call, as the core worded it for the clerk. The code is kept for IT, not shown big. */
export function ErrorAlert({ title, error }: { title: string; error: ContractError }) {
  return (
    <div className="alert alert--error" role="alert" data-error-code={error.code}>
      <strong className="alert__title">{title}</strong>
      <p className="alert__message">{error.message}</p>
    </div>
  );
}
