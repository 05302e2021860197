// Wires the self-hosted ALTCHA widget: its worker comes from this site (strict CSP, no blob: workers)
// and its words from the page, which the server rendered in the user's language.
(function () {
  'use strict';
  var widget = document.getElementById('captcha');
  if (!widget || !window.$altcha) { return; }
  // The page gives the worker's address: static files have content-hashed names.
  var worker = widget.dataset.worker;
  ['SHA-256', 'SHA-384', 'SHA-512'].forEach(function (name) {
    window.$altcha.algorithms.set(name, function () { return new Worker(worker); });
  });
  var d = widget.dataset;
  window.$altcha.i18n.set(widget.getAttribute('language') || 'en', {
    ariaLinkLabel: '', cancel: d.cancel, enterCode: d.verify, enterCodeAria: d.verify, enterCodeFromImage: d.verify,
    error: d.error, expired: d.expired, footer: '', getAudioChallenge: d.verify, label: d.label, loading: d.loading,
    reload: d.reload, verify: d.verify, verificationRequired: d.required, verified: d.verified,
    verifying: d.verifying, waitAlert: d.wait
  });
  // A solved check stays ticked. ALTCHA takes an un-tick (a click, or Space on the keyboard) as "start
  // over" and drops the solution, so that Next would then fail; the click is cancelled before that.
  widget.addEventListener('click', function (event) {
    var state = widget.querySelector('.altcha');
    if (event.target.matches('input[type=checkbox]') && state && state.getAttribute('data-state') === 'verified') {
      event.preventDefault();
    }
  }, true);
})();
