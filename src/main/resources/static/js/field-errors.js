// Ties each error message on a page to its field for screen readers (WCAG 1.3.1, 3.3.1): a message
// with id "error-<id>" describes the element with that id, an input or a fieldset of radios or of a
// date's day, month and year, whose controls are marked invalid. Pages only follow the id
// convention; JavaScript checks that update errors as the user types (log-a-death.js) do the same.
(function () {
  'use strict';
  document.querySelectorAll('.field-error[id^="error-"]').forEach(message => {
    const field = document.getElementById(message.id.substring('error-'.length));
    if (!field || !message.textContent.trim()) {
      return;
    }
    // A radio's message is about its whole question: every option of it.
    const controls = field.matches('input[type=radio]') ? Array.from(document.getElementsByName(field.name))
      : field.matches('input, select, textarea') ? [field]
        : Array.from(field.querySelectorAll('input, select, textarea'));
    controls.forEach(control => {
      control.setAttribute('aria-invalid', 'true');
      const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (!described.includes(message.id)) {
        described.push(message.id);
        control.setAttribute('aria-describedby', described.join(' '));
      }
    });
  });
})();
