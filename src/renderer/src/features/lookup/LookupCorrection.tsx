import { EditPatientAction } from '../patient-edit/EditPatientAction';
import { PatientEditPanel } from '../patient-edit/PatientEditPanel';
import type { LookupCorrection } from './use-lookup-correction';

/** "Ubah data pasien (F3)" for the record on screen (or where an emergency's identity is completed instead). */
export function CorrectionAction({ correction: c }: { correction: LookupCorrection }) {
  return <EditPatientAction editable={c.editable?.patient ?? null} unidentified={c.unidentified} onEdit={(p) => c.edit.open({ patient: p, origin: c.editable?.origin ?? 'result' })} />;
}

/** The correction's form, while one is open. */
export function CorrectionPanel({ correction: c }: { correction: LookupCorrection }) {
  const editing = c.edit.state;
  return editing && <PatientEditPanel state={editing} onSave={(identity) => void c.edit.save(identity)} onCancel={c.cancel} onEdited={c.edit.edited} />;
}
