import type { ContractError } from '../../../shared/contract';
import { useErrorText } from '../i18n/core-words';

/**
 * A failed call, worded from its code in the UI language (again when it changes). The code is kept for IT, not shown big.
 * `lines`: the screen's own wording of the error's issues (each field named as the screen labels
 * it), shown instead of the core's generic message.
 */
export function ErrorAlert({ title, error, lines, lead }: { title: string; error: ContractError; lines?: readonly string[] | undefined; lead?: string }) {
  const errorText = useErrorText();
  const own = lines && lines.length > 0;
  return (
    <div className="alert alert--error" role="alert" data-error-code={error.code}>
      <strong className="alert__title">{title}</strong>
      {own ? (
        <>
          {lead && <p className="alert__message">{lead}</p>}
          <ul className="alert__message settings-issues" data-testid="error-lines">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="alert__message">{errorText(error)}</p>
      )}
    </div>
  );
}
