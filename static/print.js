// The "In" button of the printable forms. A script file, not an onclick attribute, because the
// Content-Security-Policy allows scripts from this site only.
document.querySelectorAll('[data-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
