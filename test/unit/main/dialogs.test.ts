import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  open: vi.fn(async () => ({ canceled: false, filePaths: ['/data/pbi-november.xlsx'] })),
  save: vi.fn(async () => ({ canceled: true, filePath: '' })),
}));
vi.mock('electron', () => ({ dialog: { showOpenDialog: fake.open, showSaveDialog: fake.save } }));

const { createFileDialogs } = await import('../../../src/main/dialogs');

describe('file dialogs', () => {
  it('open a list file with the list filters, attached to the window', async () => {
    const win = { id: 1 };
    const dialogs = createFileDialogs(() => win as never);
    expect(await dialogs.pick('open-list')).toBe('/data/pbi-november.xlsx');
    expect(fake.open).toHaveBeenCalledWith(win, { properties: ['openFile'], filters: [{ name: expect.any(String), extensions: ['csv', 'txt', 'xlsx'] }] });
  });

  it('a backup and its recovery key are opened, not saved: an open dialog with their filters', async () => {
    const dialogs = createFileDialogs(() => undefined);
    await dialogs.pick('open-backup');
    expect(fake.open).toHaveBeenLastCalledWith({ properties: ['openFile'], filters: [{ name: expect.any(String), extensions: ['db'] }] });
    await dialogs.pick('open-key');
    expect(fake.open).toHaveBeenLastCalledWith({ properties: ['openFile'], filters: [{ name: expect.any(String), extensions: ['txt', 'key'] }] });
  });

  it('a cancelled save answers null; the suggested name is offered', async () => {
    const dialogs = createFileDialogs(() => undefined);
    expect(await dialogs.pick('save-csv', 'ditolak.csv')).toBeNull();
    expect(fake.save).toHaveBeenCalledWith({ filters: [{ name: 'CSV', extensions: ['csv'] }], defaultPath: 'ditolak.csv' });
  });
});
