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
  // One submit per form: a double tap must not send two codes.
  document.querySelectorAll('form').forEach(function (form) {
    form.addEventListener('submit', function () {
      setTimeout(function () {
        form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
