// The test contract on our shadow host: <spf-doctor-overlay data-state data-provider data-domain
// data-record-count>. End-to-end tests read these instead of our UI's text.
import type { PanelId } from '../diagnosis/types';
import type { OverlayState } from './session';
import { OWN_UI_ATTRIBUTE } from './watcher';

export interface HostState {
  state: OverlayState;
  provider: PanelId;
  domain: string | null;
  recordCount: number;
}

export function applyHostAttributes(host: Element, state: HostState): void {
  const set = (name: string, value: string): void => {
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  };
  set(OWN_UI_ATTRIBUTE, '');
  set('data-state', state.state);
  set('data-provider', state.provider);
  set('data-domain', state.domain ?? '');
  set('data-record-count', String(state.recordCount));
}
