// Injected into every panel page before the page's own scripts (main world), in both browsers.
// 1. Timing: performance.now() when the fixture put its records on screen (it sets data-fixture-ready on
//    <html> in the same task as the render) and each data-state the overlay host goes through.
// 2. A reader for the overlay's test contract (<spf-doctor-overlay> and its shadow root), so the tests
//    read one plain object instead of poking at the shadow DOM from two different automation APIs. The
//    root is closed, so the page cannot find it: the test channel (support/closed-root.ts) passes it in.
// Plain ES5-style JS on purpose: it is injected as text, never transformed.
(function () {
  'use strict';
  if (window.__spfDoctorE2e) return;
  var timing = { ready: null, done: null, states: [] };

  function host() {
    return document.querySelector('spf-doctor-overlay');
  }
  // Visible wording only: <style> and <script> text (the overlay's CSS lives in its shadow root) is skipped.
  function text(node) {
    var out = '';
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      var parent = t.parentNode;
      if (parent && (parent.nodeName === 'STYLE' || parent.nodeName === 'SCRIPT')) continue;
      out += t.nodeValue;
    }
    return out.replace(/\s+/g, ' ').trim();
  }
  function check() {
    var now = performance.now();
    if (timing.ready === null && document.documentElement && document.documentElement.hasAttribute('data-fixture-ready')) timing.ready = now;
    var h = host();
    var state = h ? h.getAttribute('data-state') : null;
    var last = timing.states[timing.states.length - 1];
    if (state && (!last || last.state !== state)) timing.states.push({ state: state, at: now });
    if (state === 'done' && timing.ready !== null && timing.done === null) timing.done = now;
  }
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-fixture-ready', 'data-state'],
  });

  function overlay(root) {
    var all = document.querySelectorAll('spf-doctor-overlay');
    var h = all[0];
    if (!h) return null;
    var findings = [];
    var actions = [];
    if (root) {
      root.querySelectorAll('[data-finding]').forEach(function (el) {
        findings.push({ code: el.getAttribute('data-finding'), text: text(el) });
      });
      root.querySelectorAll('[data-action]').forEach(function (el) {
        actions.push({ action: el.getAttribute('data-action'), text: text(el), disabled: !!el.disabled });
      });
    }
    return {
      hosts: all.length,
      // What the page itself can see: null for a closed root.
      shadowRoot: h.shadowRoot ? 'open' : root ? 'closed' : 'none',
      state: h.getAttribute('data-state'),
      provider: h.getAttribute('data-provider'),
      domain: h.getAttribute('data-domain'),
      recordCount: h.getAttribute('data-record-count'),
      findings: findings,
      actions: actions,
      text: root ? text(root) : '',
    };
  }

  window.__spfDoctorE2e = { timing: timing, overlay: overlay };
})();
