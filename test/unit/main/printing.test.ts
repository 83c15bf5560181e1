import { beforeEach, describe, expect, it, vi } from 'vitest';

type PrintCallback = (success: boolean, failureReason: string) => void;
const fake = vi.hoisted(() => {
  const state = { windows: [] as FakeWindow[], printOk: true };
  class FakeWindow {
    destroyed = false;
    loaded = '';
    printOptions: unknown;
    pdfOptions: unknown;
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      state.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
    destroy(): void {
      this.destroyed = true;
    }
    webContents = {
      print: (options: unknown, callback: PrintCallback) => {
        this.printOptions = options;
        callback(state.printOk, state.printOk ? '' : 'printer offline');
      },
      printToPDF: (options: unknown) => {
        this.pdfOptions = options;
        return Promise.resolve(Buffer.from('%PDF'));
      },
    };
  }
  return { state, FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow }));

const { createSlipPrinter } = await import('../../../src/main/printing');

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.printOk = true;
});

describe('slip printing in the desktop app', () => {
  it('prints silently to the configured printer from a hidden, script-less, hardened window', async () => {
    await createSlipPrinter().print('<p>A-001</p>', { paper: '58mm', deviceName: 'POS-58', lengthMm: 97 });
    const [win] = fake.state.windows;
    expect(win?.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(decodeURIComponent(win!.loaded)).toBe('data:text/html;charset=utf-8,<p>A-001</p>');
    expect(win?.printOptions).toMatchObject({ silent: true, deviceName: 'POS-58', pageSize: { width: 58_000, height: 97_000 } });
    expect(win?.destroyed).toBe(true);
  });

  it('uses the system default printer when none is configured, and reports a failed print', async () => {
    await createSlipPrinter().print('<p/>', { paper: 'A6', deviceName: '', lengthMm: null });
    expect(fake.state.windows[0]?.printOptions).not.toHaveProperty('deviceName');
    fake.state.printOk = false;
    await expect(createSlipPrinter().print('<p/>', { paper: '80mm', deviceName: '', lengthMm: 120 })).rejects.toThrow('printer offline');
    expect(fake.state.windows[1]?.destroyed).toBe(true);
  });

  it('renders a PDF as wide as the roll and as long as the slip', async () => {
    const pdf = await createSlipPrinter().toPdf('<p/>', { paper: '80mm', lengthMm: 133 });
    expect(pdf.toString()).toBe('%PDF');
    expect(fake.state.windows[0]?.pdfOptions).toMatchObject({ pageSize: { width: 80 / 25.4, height: 133 / 25.4 } });
    await createSlipPrinter().toPdf('<p/>', { paper: 'A6', lengthMm: null });
    expect(fake.state.windows[1]?.pdfOptions).toMatchObject({ pageSize: 'A6' });
  });
});
