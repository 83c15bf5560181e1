import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterSettings } from '../../../../shared/settings';
import { BpjsSettings } from './BpjsSettings';
import { BridgeLog } from './BridgeLog';
import { CounterSettingsForm } from './CounterSettingsForm';
import { HubSettings } from '../hub/HubSettings';
import { AccountsTab } from '../accounts/AccountsTab';
import { DataSecurity } from '../security/DataSecurity';
import { MergeTab } from '../merge/MergeTab';
import '../slip/slip.css';
import '../lists/admin.css';

type Tab = 'counter' | 'bpjs' | 'bridge-log' | 'hub' | 'accounts' | 'merge';
const TABS: readonly Tab[] = ['counter', 'bpjs', 'bridge-log', 'hub', 'accounts', 'merge'];
const TAB_LABEL = { counter: 'settings.tabCounter', bpjs: 'settings.tabBpjs', 'bridge-log': 'settings.tabBridgeLog', hub: 'hub.tab', accounts: 'accounts.tab', merge: 'merge.tab' } as const;

/** Settings in six parts: the counter itself, the BPJS connection, the bridge log, the facility hub, the clerk accounts, and merging two records of one person. */
export function SettingsScreen({ settings }: { settings?: CounterSettings | null }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('counter');
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  return (
    <div className="settings">
      <div className="settings-tabs" role="tablist" aria-label={t('settings.tabsLabel')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            className="settings-tabs__tab"
            data-testid={`settings-tab-${x}`}
            aria-selected={tab === x}
            onClick={() => setTab(x)}
            onKeyDown={(e) => {
              // Arrow keys move between the parts, as in any tab strip.
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              const next = TABS[(TABS.indexOf(x) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'counter';
              setTab(next);
              (e.currentTarget.parentElement?.querySelector(`[data-testid="settings-tab-${next}"]`) as HTMLButtonElement | null)?.focus();
            }}
          >
            {t(TAB_LABEL[x])}
          </button>
        ))}
      </div>
      {tab === 'counter' && <CounterSettingsForm />}
      {tab === 'counter' && <DataSecurity />}
      {tab === 'bpjs' && <BpjsSettings />}
      {tab === 'bridge-log' && <BridgeLog timeZone={timeZone} />}
      {tab === 'hub' && <HubSettings settings={settings ?? null} />}
      {tab === 'accounts' && <AccountsTab timeZone={timeZone} />}
      {tab === 'merge' && <MergeTab />}
    </div>
  );
}
