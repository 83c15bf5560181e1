import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../shared/counter';
import { hasBridge, loket } from './api';
import { AppHeader, type Screen } from './components/AppHeader';
import { StatusBar } from './components/StatusBar';
import { EmergencyDialog, type EmergencyState } from './features/emergency/EmergencyDialog';
import { FollowUpsScreen } from './features/followups/FollowUpsScreen';
import { LookupScreen } from './features/lookup/LookupScreen';
import { ListsScreen } from './features/lists/ListsScreen';
import { QueueScreen } from './features/queue/QueueScreen';
import { ReportsScreen } from './features/reports/ReportsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { useConnectivity } from './hooks/use-connectivity';
import { useLists } from './hooks/use-lists';
import { useSettings } from './hooks/use-settings';
import './styles/counter.css';

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
  return <ConnectedApp />;
}

/** Which screen a global key opens (F1/Alt+1 … Alt+6); null for any other key. */
function screenOfKey(event: KeyboardEvent): Screen | null {
  if (event.key === 'F1') return 'search';
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'Digit1' || event.code === 'Numpad1') return 'search';
  if (event.code === 'Digit2' || event.code === 'Numpad2') return 'queue';
  if (event.code === 'Digit3' || event.code === 'Numpad3') return 'followUps';
  if (event.code === 'Digit4' || event.code === 'Numpad4') return 'lists';
  if (event.code === 'Digit5' || event.code === 'Numpad5') return 'reports';
  if (event.code === 'Digit6' || event.code === 'Numpad6') return 'settings';
  return null;
}

function ConnectedApp() {
  const lists = useLists();
  const settings = useSettings();
  const connectivity = useConnectivity();
  const [screen, setScreen] = useState<Screen>('search');
  const [emergency, setEmergency] = useState<EmergencyState | null>(null);
  const [selected, setSelected] = useState<Patient | null>(null);
  /** Bumped after every registration: the queue and follow-up screens reload. */
  const [changes, setChanges] = useState(0);
  /** Bumped when an emergency took the patient being registered: the search screen starts over. */
  const [searchReset, setSearchReset] = useState(0);
  const inFlight = useRef(false);
  const selectedRef = useRef<Patient | null>(null);
  selectedRef.current = screen === 'search' ? selected : null;

  const registerEmergency = useCallback(async () => {
    // One press, one emergency: a key held down must not register several patients.
    if (inFlight.current) return;
    inFlight.current = true;
    setEmergency({ status: 'busy' });
    const patient = selectedRef.current;
    const result = await loket.registerEmergency(patient ? { patientId: patient.id } : {});
    inFlight.current = false;
    setEmergency(result.ok ? { status: 'done', visit: result.value } : { status: 'failed', error: result.error });
    setChanges((n) => n + 1);
    if (result.ok && patient) setSearchReset((n) => n + 1);
  }, []);

  useEffect(() => {
    // Capture phase: no field, dialog or form on any screen can swallow these keys.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F9') {
        event.preventDefault();
        event.stopPropagation();
        if (!event.repeat) void registerEmergency();
        return;
      }
      const next = screenOfKey(event);
      if (next) {
        event.preventDefault();
        event.stopPropagation();
        setEmergency((e) => (e?.status === 'busy' ? e : null));
        setScreen(next);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [registerEmergency]);

  const closeEmergency = useCallback(() => {
    setEmergency(null);
    if (screen === 'search') document.getElementById('lookup-query')?.focus();
  }, [screen]);

  return (
    <>
      <AppHeader
        lists={lists}
        screen={screen}
        onScreen={(s) => {
          setScreen(s);
        }}
        onEmergency={() => void registerEmergency()}
        emergencyBusy={emergency?.status === 'busy'}
        emergencyFor={screen === 'search' ? (selected?.name ?? null) : null}
      />
      <main className="app-main">
        {screen === 'search' && (
          <LookupScreen
            lists={lists}
            settings={settings}
            onPatient={setSelected}
            onRegistered={() => setChanges((n) => n + 1)}
            paused={emergency !== null}
            reset={searchReset}
          />
        )}
        {screen === 'queue' && <QueueScreen settings={settings} changes={changes} paused={emergency !== null} />}
        {screen === 'followUps' && <FollowUpsScreen settings={settings} changes={changes} connectivity={connectivity} />}
        {screen === 'lists' && <ListsScreen lists={lists} />}
        {screen === 'reports' && <ReportsScreen settings={settings} changes={changes} />}
        {screen === 'settings' && <SettingsScreen settings={settings} />}
      </main>
      <StatusBar connectivity={connectivity} timeZone={settings?.timeZone ?? 'Asia/Jakarta'} />
      {emergency && <EmergencyDialog state={emergency} settings={settings} onClose={closeEmergency} />}
    </>
  );
}
