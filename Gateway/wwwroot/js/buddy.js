import { initAll } from '../lib/nhsuk/nhsuk-frontend.min.js';

initAll();

// "Print this summary" buttons are hidden until script can make them work.
for (const button of document.querySelectorAll('[data-buddy-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
