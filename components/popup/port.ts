// One request to the background over a runtime port: progress messages while DNS runs, then exactly one
// answer. Every message is checked before use; a disconnect, a malformed message or silence ends the
// request with a localized error, so the UI always leaves its "checking" state.
import type { LocalizedText, ProgressStep } from '../../lib/diagnosis/types';
import { localized } from '../../lib/i18n';
import { DIAGNOSE_PORT, parseBouncePortMessage, parsePortMessage } from '../../lib/messages';
import type { BackgroundRequest, BouncePortMessage, PortMessage } from '../../lib/messages';
import type { ProviderChoice } from '../../lib/mail/provider-choice';

/** The part of browser.runtime.Port this code uses (tests pass a double). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Opens a port named DIAGNOSE_PORT to the background. */
export type Connect = () => PortLike;
export { DIAGNOSE_PORT };

type ErrorMessage = { kind: 'error'; message: LocalizedText };
export type DiagnoseAnswer = Exclude<PortMessage, { kind: 'progress' }>;
export type BounceAnswer = BouncePortMessage;

export interface PendingRequest<Answer> {
  done: Promise<Answer | ErrorMessage>;
  /** Stops listening and closes the port (the popup closed or a newer request replaced this one). */
  cancel(): void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

function send<Answer extends { kind: string }>(
  connect: Connect,
  request: BackgroundRequest,
  parse: (raw: unknown) => Answer | null,
  onProgress: (step: ProgressStep) => void,
  timeoutMs: number,
): PendingRequest<Answer> {
  let settled = false;
  let port: PortLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: (message: Answer | ErrorMessage) => void = () => {};

  const done = new Promise<Answer | ErrorMessage>((resolve) => {
    finish = (message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        port?.disconnect();
      } catch {
        // Already closed by the other side.
      }
      resolve(message);
    };
  });
  const fail = (key: string, params: Record<string, string | number> = {}) => finish({ kind: 'error', message: localized(key, params) });

  try {
    port = connect();
  } catch (error) {
    fail('popup_error_connect', { detail: error instanceof Error ? error.message : String(error) });
    return { done, cancel: () => {} };
  }

  port.onMessage.addListener((raw) => {
    if (settled) return;
    const progress = parsePortMessage(raw);
    if (progress?.kind === 'progress') return onProgress(progress.step);
    const answer = parse(raw);
    if (answer) finish(answer);
    else fail('popup_error_invalid');
  });
  port.onDisconnect.addListener(() => fail('popup_error_disconnected'));
  timer = setTimeout(() => fail('popup_error_timeout', { seconds: Math.round(timeoutMs / 1000) }), timeoutMs);
  port.postMessage(request);

  // Cancelling settles the promise too (nobody waits forever); callers ignore answers after cancelling.
  return { done, cancel: () => fail('popup_error_cancelled') };
}

/** Asks for a diagnosis of any domain (no panel records), reporting progress steps. */
export function requestDiagnosis(
  connect: Connect,
  domain: string,
  options: { force?: boolean; onProgress?: (step: ProgressStep) => void; timeoutMs?: number; /** A provider picked by hand (else detected from MX). */ choice?: ProviderChoice | null } = {},
): PendingRequest<DiagnoseAnswer> {
  const { choice } = options;
  const snapshot = {
    panel: null,
    domain,
    records: [],
    ...(choice ? { providerId: choice.providerId, ...(choice.providerServer ? { providerServer: choice.providerServer } : {}) } : {}),
  };
  const request: BackgroundRequest = { kind: 'diagnose', snapshot, force: options.force ?? false };
  const parse = (raw: unknown) => {
    const message = parsePortMessage(raw);
    return message && message.kind !== 'progress' ? message : null;
  };
  return send(connect, request, parse, options.onProgress ?? (() => {}), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

/** Asks the background to explain a pasted bounce. */
export function requestBounceExplanation(connect: Connect, text: string, options: { timeoutMs?: number } = {}): PendingRequest<BounceAnswer> {
  return send(connect, { kind: 'explain-bounce', text }, parseBouncePortMessage, () => {}, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}
