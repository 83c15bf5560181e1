/**
 * The slip panels on screen, by visit: a print key prints through the panel showing that visit's
 * slip (so its status line answers), and directly only when no panel shows it.
 */
type SlipPrinter = (reprint: boolean) => void;

const printers = new Map<number, SlipPrinter[]>();

export function registerSlipPrinter(visitId: number, print: SlipPrinter): () => void {
  printers.set(visitId, [...(printers.get(visitId) ?? []), print]);
  return () => {
    const left = (printers.get(visitId) ?? []).filter((p) => p !== print);
    if (left.length > 0) printers.set(visitId, left);
    else printers.delete(visitId);
  };
}

/** The most recently shown panel for the visit, if any. */
export function slipPrinterOf(visitId: number): SlipPrinter | null {
  return printers.get(visitId)?.at(-1) ?? null;
}
