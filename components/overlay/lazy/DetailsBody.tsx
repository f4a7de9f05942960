// Stands for ../DetailsBody.tsx inside the overlay modules (wxt.config.ts, lazyDetails): the tree, trace
// and checklist are loaded from the details module the first time the user opens Details. Until it is
// there (a local file: a few milliseconds) the open section stays empty; a failed load is tried again on
// the next open.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import type { FunctionComponent } from 'preact';
import { browser } from '#imports';
import { DETAILS_FILES, lendJsx, takeDetails } from '../../../lib/content/overlay-module';
import type { DetailsBody as RealDetailsBody } from '../DetailsBody';

type Props = Parameters<typeof RealDetailsBody>[0];
type Body = FunctionComponent<Props>;

let loading: Promise<Body> | null = null;

/** Also loads the overlay's placement code (lazy/dock-layout.ts): it comes in the same module. */
export function loadDetails(): Promise<Body> {
  loading ??= (async () => {
    lendJsx({ jsx, jsxs, Fragment, hooks: { useState, useEffect, useLayoutEffect, useMemo, useRef, useCallback } });
    const url = browser.runtime.getURL as (path: string) => string;
    await import(/* @vite-ignore */ url(DETAILS_FILES.module));
    const body = takeDetails();
    if (!body) throw new Error('the details module did not load');
    return body as Body;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export function DetailsBody(props: Props) {
  const [body, setBody] = useState<{ Body: Body } | null>(null);
  useEffect(() => {
    let live = true;
    loadDetails().then(
      (Body) => live && setBody({ Body }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return body ? <body.Body {...props} /> : null;
}
