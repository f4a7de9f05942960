// Serving one DIAGNOSE_PORT connection: every message is validated, a diagnose request gets progress
// steps and then exactly one result or error, and unchanged snapshots are answered from the cache.
import type { BounceExplanation } from '../bounce/explain';
import type { Diagnosis, PanelSnapshot, ProgressStep } from '../diagnosis/types';
import { localized } from '../i18n';
import { parseRequest } from '../messages';
import type { BouncePortMessage, PortMessage } from '../messages';
import type { PortLike } from '../content/port';
import type { DiagnosisCache } from './cache';
import { describeFailure } from './errors';

export interface RunOptions {
  /** The caller asked to skip every cache (a user's "check again", a propagation re-check). */
  force: boolean;
  onProgress(step: ProgressStep): void;
}

export interface HandlerDeps {
  /** Brings state up to date before a request is answered (e.g. settings saved a moment ago). */
  prepare?(): Promise<void>;
  /** Runs a diagnosis with the current resolvers. */
  run(snapshot: PanelSnapshot, options: RunOptions): Promise<Diagnosis>;
  cache: DiagnosisCache;
  /** Explains a pasted bounce (lib/bounce/explain.ts with the current resolver); absent: not offered. */
  explainBounce?(text: string): Promise<BounceExplanation>;
}

export type Answer = PortMessage | BouncePortMessage;

/**
 * What a port from a content script's tab reports besides its answers (lib/background/action-badge.ts
 * turns them into the tab's badge). Ports from the popup get none: their diagnoses are not a tab's panel.
 */
export interface TabEvents {
  /** A panel's diagnosis was answered (fresh or cached). */
  diagnosed(diagnosis: Diagnosis): void;
  /** The tab's panel went away. */
  panelLeft(): void;
}

/** Handles one raw message; `post` receives what goes back. Never throws. */
export async function handleRequest(raw: unknown, post: (message: Answer) => void, deps: HandlerDeps, tab?: TabEvents): Promise<void> {
  const request = parseRequest(raw);
  if (!request) {
    post({ kind: 'error', message: localized('ui_error_bad_request') });
    return;
  }
  if (request.kind === 'panel-left') {
    tab?.panelLeft();
    return;
  }
  try {
    await deps.prepare?.();
  } catch {
    // Keep answering with the state we have.
  }
  if (request.kind === 'explain-bounce') {
    if (!deps.explainBounce) {
      post({ kind: 'error', message: localized('ui_error_bounce_unavailable') });
      return;
    }
    try {
      post({ kind: 'bounce-result', explanation: await deps.explainBounce(request.text) });
    } catch (error) {
      post({ kind: 'error', message: describeFailure(error) });
    }
    return;
  }
  const { snapshot } = request;
  const force = request.force === true;
  if (!force) {
    const cached = deps.cache.get(snapshot);
    if (cached) {
      post({ kind: 'result', diagnosis: cached, cached: true });
      if (snapshot.panel !== null) tab?.diagnosed(cached);
      return;
    }
  }
  try {
    const diagnosis = await deps.run(snapshot, { force, onProgress: (step) => post({ kind: 'progress', step }) });
    deps.cache.set(snapshot, diagnosis);
    post({ kind: 'result', diagnosis, cached: false });
    if (snapshot.panel !== null) tab?.diagnosed(diagnosis);
  } catch (error) {
    post({ kind: 'error', message: describeFailure(error) });
  }
}

/** Wires a port: messages in, answers out; nothing is posted after the other side went away. */
export function servePort(port: PortLike, deps: HandlerDeps, tab?: TabEvents): void {
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  const post = (message: Answer): void => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      // The content script navigated away between our check and the post.
      open = false;
    }
  };
  port.onMessage.addListener((raw) => {
    void handleRequest(raw, post, deps, tab).then(() => {
      // 'panel-left' gets no answer: we close its port (closing on the content side right after posting
      // could drop the message before the port is open).
      if (open && parseRequest(raw)?.kind === 'panel-left') {
        open = false;
        try {
          port.disconnect();
        } catch {
          // Already gone.
        }
      }
    });
  });
}
