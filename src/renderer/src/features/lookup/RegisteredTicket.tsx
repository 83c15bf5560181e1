import type { CounterSettings } from '../../../../shared/settings';
import { Ticket } from '../register/Ticket';
import { SlipPanel } from '../slip/SlipPanel';
import { CorrectionAction, CorrectionPanel } from './LookupCorrection';
import type { ShownTicket } from './on-screen-registration';
import type { LookupCorrection } from './use-lookup-correction';

interface Props {
  ticket: ShownTicket | null;
  settings: CounterSettings | null;
  correction: LookupCorrection;
}

/**
 * The visit just registered: its number, "Ubah data pasien (F3)" for a typo seen on it (the form
 * above the ticket while open), and its slip: printed once, shown again after a correction.
 */
export function RegisteredTicket({ ticket, settings, correction }: Props) {
  const editing = correction.edit.state;
  return (
    <>
      {editing?.target.origin === 'ticket' && <CorrectionPanel correction={correction} />}
      {ticket && <Ticket visit={ticket.visit} patient={ticket.patient} settings={settings} />}
      {ticket && !editing && <CorrectionAction correction={correction} />}
      {ticket && <SlipPanel key={`${ticket.visit.id}-${ticket.corrected ?? 0}`} visitId={ticket.visit.id} queue={ticket.visit.queue} autoPrint={!ticket.corrected} />}
    </>
  );
}
