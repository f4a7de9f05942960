// Gmail's sender requirements as a checklist.
//
// Source: Google, "Email sender guidelines", support.google.com/a/answer/81126 (revision archived
// 2026-03-11 in azumakuniyuki/feb-2024-no-auth-no-entry; panels.md §3.3):
// - All senders: "Set up SPF or DKIM email authentication for your sending domains."
// - Senders of 5,000 or more messages a day: "Set up SPF and DKIM email authentication for your domain.
//   Set up DMARC email authentication for your sending domain. Your DMARC enforcement policy can be set
//   to none."
// The bounce codes are those Gmail returns when a requirement is not met (support.google.com/a/answer/3726730).
// Requirements that DNS cannot show (From: alignment, one-click unsubscribe, PTR, TLS, spam rate) are not
// in this list; the diagnosis covers what DNS can tell.

import { type Message, message } from '../i18n';

export interface GmailInputs {
  /** SPF result for the sending server: 'error' means the check could not finish (DNS trouble,
   *  temperror), so the outcome is unknown. Map permerror to 'fail': Gmail treats it as not passing. */
  spf: 'pass' | 'fail' | 'none' | 'error';
  /** Whether a DKIM key is published for the sender's selector ('unknown' when the selector is unknown). */
  dkim: 'present' | 'missing' | 'unknown';
  /** Whether the domain has a usable DMARC record (an invalid one counts as none at Gmail). */
  dmarc: 'present' | 'missing' | 'invalid';
  /** The sender sends 5,000 or more messages a day to Gmail accounts. */
  bulk: boolean;
}

export const GMAIL_REQUIREMENT_IDS = ['spf-or-dkim', 'spf', 'dkim', 'dmarc'] as const;
export type GmailRequirementId = (typeof GMAIL_REQUIREMENT_IDS)[number];
export type GmailStatus = 'ok' | 'missing' | 'unknown';

export interface GmailChecklistItem {
  id: GmailRequirementId;
  /** Who it applies to: every sender, or bulk senders only. */
  appliesTo: 'all' | 'bulk';
  /** The requirement in words (catalog key gmail_<id>). */
  requirement: Message;
  status: GmailStatus;
  /** The rejection Gmail returns when this requirement is not met. */
  bounce: '550 5.7.26' | '550 5.7.27' | '550 5.7.30' | '550 5.7.40';
}

const REQUIREMENTS: Record<GmailRequirementId, Pick<GmailChecklistItem, 'appliesTo' | 'requirement' | 'bounce'>> = {
  'spf-or-dkim': {
    appliesTo: 'all',
    requirement: message('gmail_spf_or_dkim'),
    bounce: '550 5.7.26',
  },
  spf: {
    appliesTo: 'bulk',
    requirement: message('gmail_spf'),
    bounce: '550 5.7.27',
  },
  dkim: {
    appliesTo: 'bulk',
    requirement: message('gmail_dkim'),
    bounce: '550 5.7.30',
  },
  dmarc: {
    appliesTo: 'bulk',
    requirement: message('gmail_dmarc'),
    bounce: '550 5.7.40',
  },
};

function spfStatus(spf: GmailInputs['spf']): GmailStatus {
  if (spf === 'pass') return 'ok';
  return spf === 'error' ? 'unknown' : 'missing';
}

function dkimStatus(dkim: GmailInputs['dkim']): GmailStatus {
  if (dkim === 'present') return 'ok';
  return dkim === 'missing' ? 'missing' : 'unknown';
}

/** Either one passing is enough; it is missing only when both are known to fail. */
function eitherStatus(spf: GmailStatus, dkim: GmailStatus): GmailStatus {
  if (spf === 'ok' || dkim === 'ok') return 'ok';
  if (spf === 'missing' && dkim === 'missing') return 'missing';
  return 'unknown';
}

function item(id: GmailRequirementId, status: GmailStatus): GmailChecklistItem {
  return { id, ...REQUIREMENTS[id], status };
}

/** The requirements that apply to this sender, each with its status. */
export function gmailReadiness(inputs: GmailInputs): GmailChecklistItem[] {
  const spf = spfStatus(inputs.spf);
  const dkim = dkimStatus(inputs.dkim);
  const items = [item('spf-or-dkim', eitherStatus(spf, dkim))];
  if (inputs.bulk) {
    items.push(item('spf', spf), item('dkim', dkim), item('dmarc', inputs.dmarc === 'present' ? 'ok' : 'missing'));
  }
  return items;
}

/** 'ready' when every item is ok, 'not-ready' when any is missing, otherwise 'unknown'. */
export function gmailVerdict(items: readonly GmailChecklistItem[]): 'ready' | 'not-ready' | 'unknown' {
  if (items.some((entry) => entry.status === 'missing')) return 'not-ready';
  return items.every((entry) => entry.status === 'ok') ? 'ready' : 'unknown';
}
