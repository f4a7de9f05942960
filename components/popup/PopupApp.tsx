// The toolbar popup: two tabs, "Check a domain" and "Explain a bounce", in the user's language.
import { useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/diagnosis/types';
import { BounceExplain } from './BounceExplain';
import type { CopyText } from './DiagnosisView';
import { DomainCheck } from './DomainCheck';
import type { CheckRequest } from './DomainCheck';
import type { Connect } from './port';
import { LangContext, useText } from './text';
import type { WatchApi } from './watch-api';
import { WatchList } from './WatchList';

export interface PopupDeps {
  lang: Lang;
  /** Opens a port to the background (browser.runtime.connect with DIAGNOSE_PORT). */
  connect: Connect;
  copyText: CopyText;
  openOptions: () => void;
  /** The background's watches (absent in tests that do not need them). */
  watches?: WatchApi;
}

type TabId = 'check' | 'bounce' | 'watch';
const ALL_TABS: readonly TabId[] = ['check', 'bounce', 'watch'];

export function PopupApp({ deps, initialTab = 'check' }: { deps: PopupDeps; initialTab?: TabId }) {
  return (
    <LangContext.Provider value={deps.lang}>
      <Popup deps={deps} initialTab={initialTab} />
    </LangContext.Provider>
  );
}

function Popup({ deps, initialTab }: { deps: PopupDeps; initialTab: TabId }) {
  const { t } = useText();
  const [tab, setTab] = useState<TabId>(initialTab);
  const [checkRequest, setCheckRequest] = useState<CheckRequest | undefined>();
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const TABS = deps.watches ? ALL_TABS : ALL_TABS.filter((id) => id !== 'watch');

  const select = (next: TabId, focus = false) => {
    setTab(next);
    if (focus) tabRefs.current[next]?.focus();
  };

  // Arrow keys move between tabs (WAI-ARIA tabs pattern with automatic activation).
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(TABS[(target + TABS.length) % TABS.length]!, true);
  };

  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={deps.openOptions}>
          {t('popup_settings')}
        </button>
      </header>
      <div class="tabs" role="tablist" aria-label={t('popup_tabs_label')} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => select(id)}
          >
            {t(`popup_tab_${id}`)}
          </button>
        ))}
      </div>
      {/* Both panels stay mounted so a running check or a pasted bounce survives switching tabs. */}
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={tab !== 'check'}>
        <DomainCheck connect={deps.connect} copyText={deps.copyText} request={checkRequest} {...(deps.watches ? { watches: deps.watches } : {})} />
      </div>
      <div role="tabpanel" id="panel-bounce" aria-labelledby="tab-bounce" hidden={tab !== 'bounce'}>
        <BounceExplain
          connect={deps.connect}
          onCheckDomain={(domain) => {
            setCheckRequest((previous) => ({ domain, seq: (previous?.seq ?? 0) + 1 }));
            setTab('check');
          }}
        />
      </div>
      {deps.watches && (
        <div role="tabpanel" id="panel-watch" aria-labelledby="tab-watch" hidden={tab !== 'watch'}>
          <WatchList api={deps.watches} active={tab === 'watch'} />
        </div>
      )}
    </main>
  );
}
