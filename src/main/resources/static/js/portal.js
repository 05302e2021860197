// Progressive enhancements only: every page works without this file.
(function () {
  'use strict';
  // S-42: a "show password" box reveals the fields it names, for people who type on a phone.
  document.querySelectorAll('input[type=checkbox][data-reveals]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.querySelectorAll(box.getAttribute('data-reveals')).forEach(function (field) {
        field.type = box.checked ? 'text' : 'password';
      });
    });
  });
  // A file too large to upload is refused here, before it is sent; the server checks again.
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    input.addEventListener('change', function () {
      var tooLarge = input.files.length > 0 && input.files[0].size > Number(input.getAttribute('data-max-bytes'));
      input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
      input.reportValidity();
    });
  });
  // One submit per form: a double tap must not send two codes.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      setTimeout(function () {
        // A form whose script holds the submit back (a passkey being asked for) stays usable.
        if (event.defaultPrevented) { return; }
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
