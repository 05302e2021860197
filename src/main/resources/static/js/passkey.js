// Passkeys (WebAuthn): asks the device, puts its answer into the form's hidden fields and posts the
// form as any other (with its CSRF token). The options come from the form's data-* attributes, so the
// page needs no inline script. Without this script, or a browser without passkeys, the form says so.
(function () {
  'use strict';
  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
  }
  function text(buffer) {
    var binary = '';
    new Uint8Array(buffer).forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function list(value) {
    return value ? value.split(',').filter(function (id) { return id.length > 0; }) : [];
  }
  function set(form, name, value) {
    var field = form.querySelector('input[name="' + name + '"]');
    if (field) { field.value = value || ''; }
  }
  function tell(form, key) {
    var error = form.querySelector('[data-passkey-error]');
    if (!error) { return; }
    error.textContent = form.getAttribute('data-error-' + key) || '';
    error.hidden = false;
    error.focus();
  }
  function create(form) {
    var d = form.dataset;
    return navigator.credentials.create({ publicKey: {
      rp: { id: d.rpId, name: d.rpName },
      user: { id: bytes(d.userHandle), name: d.userName, displayName: d.userDisplayName },
      challenge: bytes(d.challenge),
      pubKeyCredParams: list(d.algorithms).map(function (alg) { return { type: 'public-key', alg: Number(alg) }; }),
      excludeCredentials: list(d.exclude).map(function (id) { return { type: 'public-key', id: bytes(id) }; }),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
      attestation: 'none',
      timeout: Number(d.timeout)
    } }).then(function (credential) {
      set(form, 'attestationObject', text(credential.response.attestationObject));
      set(form, 'clientDataJson', text(credential.response.clientDataJSON));
      set(form, 'transports', credential.response.getTransports ? credential.response.getTransports().join(',') : '');
    });
  }
  function get(form) {
    var d = form.dataset;
    return navigator.credentials.get({ publicKey: {
      rpId: d.rpId,
      challenge: bytes(d.challenge),
      allowCredentials: list(d.allow).map(function (id) { return { type: 'public-key', id: bytes(id) }; }),
      userVerification: 'required',
      timeout: Number(d.timeout)
    } }).then(function (credential) {
      set(form, 'credentialId', text(credential.rawId));
      set(form, 'authenticatorData', text(credential.response.authenticatorData));
      set(form, 'clientDataJson', text(credential.response.clientDataJSON));
      set(form, 'signature', text(credential.response.signature));
      set(form, 'userHandle', credential.response.userHandle ? text(credential.response.userHandle) : '');
    });
  }
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      tell(form, 'unsupported');
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      return;
    }
    form.addEventListener('submit', function (event) {
      if (form.dataset.answered === 'true') { return; }
      event.preventDefault();
      // A field the browser checks (the passkey's name) is told before the device is asked.
      if (!form.reportValidity()) { return; }
      var ceremony = form.getAttribute('data-passkey') === 'create' ? create : get;
      ceremony(form).then(function () {
        form.dataset.answered = 'true';
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
        form.submit();
      }, function (error) {
        // Cancelled, timed out, or no passkey of this account on this device: nothing was sent.
        tell(form, error && error.name === 'InvalidStateError' ? 'exists' : 'cancelled');
      });
    });
  });
})();
