import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/accounts';
import { accessRefusal, METHOD_ACCESS } from '../../shared/method-access';
import type { RegisteredVisit } from '../../shared/counter';
import { hasBridge } from './api';
import { AppHeader, SCREENS, type Screen } from './components/AppHeader';
import { runWaitingLetters } from './components/letter-flush';
import { useLetterNotice } from './components/use-letter-notice';
import { useSearchFieldInView } from './components/use-search-in-view';
import { StatusBar } from './components/StatusBar';
import { UndoStoreContext } from './components/UndoToast';
import { UndoStore } from './components/undo-store';
import { CoreStatusBanner } from './features/core-status/CoreStatusBanner';
import { EmergencyChoice } from './features/emergency/EmergencyChoice';
import { EmergencyDialog } from './features/emergency/EmergencyDialog';
import { focusAfterEmergency, type EmergencyTarget } from './features/emergency/emergency-flow';
import { useEmergency, type EmergencyClosed } from './features/emergency/use-emergency';
import { FollowUpsScreen } from './features/followups/FollowUpsScreen';
import { LookupScreen, type ScanRequest } from './features/lookup/LookupScreen';
import { typeAhead } from './features/lookup/type-ahead';
import { ListsScreen } from './features/lists/ListsScreen';
import { QueueScreen } from './features/queue/QueueScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SettingsDraftStore, isDirty } from './features/settings/settings-draft';
import { SettingsDraftContext } from './features/settings/use-settings-draft';
import { useLeftUnsaved } from './features/settings/use-left-unsaved';
import { focusLock, LockOverlay } from './features/session/LockOverlay';
import { RoleNotice } from './features/session/RoleNotice';
import { managesLists, mayOpen, screensFor } from './features/session/screens-for';
import { SessionGate } from './features/session/SessionGate';
import { RestoreReport } from './features/security/RestoreReport';
import { useSessionControls } from './features/session/use-session-controls';
import { useLockLift } from './features/session/use-lock-lift';
import { AuditScreen } from './features/audit/AuditScreen';
import { useConnectivity } from './hooks/use-connectivity';
import { useHubLink, useHubSettingsReload } from './hooks/use-hub-link';
import { useLists } from './hooks/use-lists';
import { FacilityZoneContext } from './hooks/use-facility-today';
import { useSettings } from './hooks/use-settings';
import { PrintNotice } from './print/PrintNotice';
import { usePrintKeys, type LastSlip } from './print/use-print-keys';
import { takeDroppedQuestion } from './scan/asking-now';
import { useScan } from './scan/use-scan';
import { useScanNotice } from './scan/use-scan-notice';
import './styles/counter.css';
import './styles/flow.css';

export function App() {
  const { t } = useTranslation();
  if (!hasBridge()) {
    return (
      <main className="app-main">
        <div className="alert alert--error" role="alert">
          {t('app.noBridge')}
        </div>
      </main>
    );
  }
  return (
    <>
      <SessionGate>{(session, onSession) => <ConnectedApp session={session} onSession={onSession} />}</SessionGate>
      {/* Over whatever shows: a restore signs everyone out, and its report must stay until read. */}
      <RestoreReport />
    </>
  );
}

/** Which screen a global key opens (F1/Alt+1 … Alt+7); null for any other key. */
function screenOfKey(event: KeyboardEvent): Screen | null {
  if (event.key === 'F1') return 'search';
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'Digit1' || event.code === 'Numpad1') return 'search';
  if (event.code === 'Digit2' || event.code === 'Numpad2') return 'queue';
  if (event.code === 'Digit3' || event.code === 'Numpad3') return 'followUps';
  if (event.code === 'Digit4' || event.code === 'Numpad4') return 'lists';
  if (event.code === 'Digit5' || event.code === 'Numpad5') return 'reports';
  if (event.code === 'Digit6' || event.code === 'Numpad6') return 'settings';
  if (event.code === 'Digit7' || event.code === 'Numpad7') return 'audit';
  return null;
}

function ConnectedApp({ session, onSession }: { session: SessionView; onSession: (next: SessionView) => void }) {
  // Locked: everything below stays mounted (half-done work survives) but hears no key but F9.
  const access = useSessionControls(session, onSession);
  const role = access.role;
  const settings = useSettings();
  const connectivity = useConnectivity();
  const hubLink = useHubLink();
  /** Changes when a round with the hub brought other counters' records: the queue and follow-ups reload at once. */
  const hubSynced = hubLink?.lastChange ?? null;
  useHubSettingsReload(hubLink?.settingsAt ?? null);
  const [screen, setScreen] = useState<Screen>(() => SCREENS.find((s) => mayOpen(role, s)) ?? 'search');
  const screenRef = useRef(screen);
  screenRef.current = screen;
  // The lock lifted: the focus goes back to the work, and what was refused behind the lock reloads.
  const lifts = useLockLift(access.locked, () => screenRef.current === 'search');
  // A role without list work (the data officer) never asks for the lists, and the header shows none.
  const readsLists = accessRefusal(METHOD_ACCESS.listLists, 'signed-in', role) === null;
  const lists = useLists(lifts, readsLists);
  // Another clerk took over with a different role: a screen theirs does not include gives way.
  useEffect(() => {
    if (mayOpen(role, screenRef.current)) return;
    const first = SCREENS.find((s) => mayOpen(role, s));
    if (first) setScreen(first);
  }, [role]);
  /** The patient on the search screen an emergency would go to (looked up, picked, being registered). */
  const [target, setTargetState] = useState<EmergencyTarget | null>(null);
  /** The same, current at once (the search screen reports a clear before it re-renders). */
  const targetRef = useRef<EmergencyTarget | null>(null);
  const setTarget = useCallback((next: EmergencyTarget | null) => {
    targetRef.current = next;
    setTargetState(next);
  }, []);
  /** Bumped after every registration: the queue and follow-up screens reload. */
  const [changes, setChanges] = useState(0);
  /** What the screens reload on: a registration, or the lock lifting (their refreshes behind it were refused). */
  const reloads = changes + lifts;
  /** Bumped when an emergency took the patient being registered: the search screen starts over. */
  const [searchReset, setSearchReset] = useState(0);
  /** A scanned number for the search screen to look up (whatever was on screen before). */
  const [scan, setScan] = useState<ScanRequest | null>(null);
  const scanCount = useRef(0);
  /** Each screen's Undo stack lives as long as this clerk's session: another clerk starts with none. */
  const clerkName = session.account?.username ?? '';
  const undoStore = useMemo(() => new UndoStore(), [clerkName]); // a new clerk, a new store
  /** The settings typed and not saved yet, kept when the screen is left (the same clerk's only). */
  const settingsDrafts = useMemo(() => new SettingsDraftStore(), [clerkName]);
  const unsavedSettings = useSyncExternalStore(
    useCallback((listener: () => void) => settingsDrafts.subscribe(listener), [settingsDrafts]),
    () => isDirty(settingsDrafts.get()),
  );
  /** The last registered visit: P, F4 and Ctrl+P print its slip from every screen. */
  const [lastSlip, setLastSlip] = useState<LastSlip | null>(null);

  // A scan is always a new search, from any screen, over any dialog (an emergency being
  // registered goes on and shows its number; a question waiting for the clerk is dropped).
  // Installed first: its capture listener sees every key before the app's other keys do.
  const closeEmergencyRef = useRef<() => void>(() => undefined);
  const scanNotice = useScanNotice();
  const letterNotice = useLetterNotice();
  useScan(
    useCallback((digits: string) => {
      // A scan at the lock is nobody's search (the core would refuse the look-up anyway).
      if (access.lockedRef.current || !mayOpen(access.roleRef.current, 'search')) return;
      // A letter pressed just before the scan (S, then the next card) acts first, on its screen (letter-flush.ts).
      runWaitingLetters();
      // From this key on, nothing typed reaches the previous patient (type-ahead.ts).
      typeAhead.begin();
      closeEmergencyRef.current();
      const dropped = takeDroppedQuestion();
      screenRef.current = 'search';
      setScreen('search');
      setScan({ digits, n: ++scanCount.current, dropped });
    }, []),
    scanNotice.show,
  );

  const emergencyTarget = screen === 'search' ? target : null;
  const emergency = useEmergency(
    // Locked: at once and unidentified; the patient behind the lock may not be the one at the counter.
    // A search the clerk asked for still on its way: the answer still shown is the patient before
    // (F9 then offered BUDI with ANI's card just scanned); an emergency never waits for the answer,
    // so nobody is known yet: unidentified at once, completed in the follow-ups.
    useCallback(() => (screenRef.current === 'search' && !access.lockedRef.current && !typeAhead.awaitingAnswer ? targetRef.current : null), []),
    useCallback((visit: RegisteredVisit, forTarget: boolean) => {
      setLastSlip({ visitId: visit.id, queue: visit.queue });
      setChanges((n) => n + 1);
      // The patient went to IGD: the search screen is ready for the next one.
      if (forTarget) setSearchReset((n) => n + 1);
    }, []),
    useCallback(({ forTarget, previous }: EmergencyClosed) => {
      const usable = previous !== null && previous.isConnected && previous.closest('[inert]') === null;
      // An unidentified emergency over another patient's unit step: back to that step, never the search field.
      const where = focusAfterEmergency({ locked: access.lockedRef.current, searchScreen: screenRef.current === 'search', forTarget, previousThere: usable });
      if (where === 'lock') focusLock();
      else if (where === 'search') document.getElementById('lookup-query')?.focus();
      else if (where === 'previous') previous?.focus();
    }, []),
  );
  const closeEmergency = emergency.close;
  closeEmergencyRef.current = closeEmergency;
  // Locked: no slip by key (the emergency's own number shows its print buttons over the lock).
  const print = usePrintKeys(access.locked ? null : lastSlip, screen === 'queue');
  useSearchFieldInView();

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const next = screenOfKey(event);
      if (next) {
        event.preventDefault();
        event.stopPropagation();
        // Locked, or not this role's screen: the key does nothing (the core would refuse its work).
        if (access.lockedRef.current || !mayOpen(access.roleRef.current, next)) return;
        closeEmergency();
        // At once: an F9 right after Alt+2 must not ask about the patient left on the search screen.
        screenRef.current = next;
        setScreen(next);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [closeEmergency]);

  const onRegistered = useCallback((visit: RegisteredVisit) => {
    setLastSlip({ visitId: visit.id, queue: visit.queue });
    setChanges((n) => n + 1);
  }, []);

  const state = emergency.state;
  const leftUnsaved = useLeftUnsaved(screen, settingsDrafts);
  return (
    <FacilityZoneContext.Provider value={settings?.timeZone}>
      {/* Inert under the lock and under the emergency window: no key, click or focus reaches
          the screen behind (a search screen clearing itself must not take the focus back). */}
      <div className="session-shell" inert={access.locked || state !== null} aria-hidden={access.locked || state !== null || undefined} data-testid="app-shell">
      <AppHeader
        lists={readsLists ? lists : null}
        screen={screen}
        onScreen={(s) => {
          setScreen(s);
        }}
        onEmergency={() => emergency.press('F9')}
        emergencyBusy={state?.status === 'busy'}
        emergencyFor={emergencyTarget?.name ?? null}
        allowed={screensFor(role)}
        clerk={{ name: session.account?.displayName ?? '', role, onLock: access.lock, onSwitch: access.switchClerk }}
        unsavedSettings={unsavedSettings}
      />
      <main className="app-main">
        <UndoStoreContext.Provider value={undoStore}>
        <SettingsDraftContext.Provider value={settingsDrafts}>
        {!mayOpen(role, screen) && <RoleNotice />}
        {mayOpen(role, screen) && (<>
        {screen === 'search' && (
          <LookupScreen
            lists={lists}
            settings={settings}
            onTarget={setTarget}
            onRegistered={onRegistered}
            paused={state !== null || access.locked}
            reset={searchReset}
            scan={scan}
            onScanTaken={() => setScan(null)}
          />
        )}
        {screen === 'queue' && <QueueScreen settings={settings} changes={reloads} paused={state !== null || access.locked} hubSynced={hubSynced} />}
        {screen === 'followUps' && <FollowUpsScreen settings={settings} changes={reloads} connectivity={connectivity} hubSynced={hubSynced} />}
        {screen === 'lists' && <ListsScreen lists={lists} canManage={managesLists(role)} />}
        {screen === 'reports' && <ReportsScreen settings={settings} changes={reloads} />}
        {screen === 'settings' && <SettingsScreen settings={settings} />}
        {screen === 'audit' && <AuditScreen settings={settings} reload={lifts} />}
        </>)}
        </SettingsDraftContext.Provider>
        </UndoStoreContext.Provider>
      </main>
      {print.notice && <PrintNotice notice={print.notice} />}
      {scanNotice.notice}
      {letterNotice}
      {leftUnsaved}
      <CoreStatusBanner />
      <StatusBar connectivity={connectivity} timeZone={settings?.timeZone ?? 'Asia/Jakarta'} hubLink={hubLink} />
      </div>
      {access.locked && <LockOverlay session={session} onSession={onSession} onEmergency={() => emergency.press('F9')} takeOver={access.takeOver} />}
      {state?.status === 'choose' && (
        <EmergencyChoice
          target={state.target}
          onTarget={() => emergency.press('Enter')}
          onUnidentified={() => emergency.press('F9')}
          onCancel={() => emergency.press('Escape')}
        />
      )}
      {state && state.status !== 'choose' && <EmergencyDialog state={state} settings={settings} onClose={emergency.dismiss} />}
    </FacilityZoneContext.Provider>
  );
}
