// The statistics page's Print button (the page has no inline script: the CSP forbids it).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
