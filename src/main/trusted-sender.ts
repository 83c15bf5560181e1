import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isRendererUrl, type RendererTarget } from './renderer-location';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Only the top frame of our own window, showing our own page, may call the core. A sub-frame,
 * another window (there should be none: window.open is denied) or a page that somehow
 * navigated elsewhere is refused, so a stray frame cannot reach patient data.
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null | undefined, target: RendererTarget): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false; // the frame navigated away or was destroyed while the call was in flight
    const win = getWindow();
    if (!win || win.isDestroyed()) return false;
    const contents = win.webContents;
    if (event.sender !== contents) return false;
    if (frame.parent !== null) return false;
    const top = contents.mainFrame;
    if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
    return isRendererUrl(frame.url, target);
  };
}
