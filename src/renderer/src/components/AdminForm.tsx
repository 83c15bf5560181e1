import type { ReactNode } from 'react';

/** A settings form: Enter on its submit button or Ctrl+S anywhere in it saves. */
export function AdminForm({ testId, onSave, children }: { testId: string; onSave: () => void; children: ReactNode }) {
  return (
    <form
      className="admin"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.ctrlKey && e.key.toLowerCase() === 's') {
          e.preventDefault();
          onSave();
        }
      }}
    >
      {children}
    </form>
  );
}
