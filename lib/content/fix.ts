// From a diagnosis fix to what an adapter's fill() takes.
import type { Fix } from '../diagnosis/types';
import type { PanelFix } from '../panels/types';

export function toPanelFix(fix: Fix): PanelFix {
  const panelFix: PanelFix = { action: fix.action, type: fix.type, name: fix.name, value: fix.value };
  if (fix.ttl !== undefined) panelFix.ttl = fix.ttl;
  if (fix.priority !== undefined) panelFix.priority = fix.priority;
  if (fix.replaces !== undefined) panelFix.replaces = fix.replaces;
  return panelFix;
}
