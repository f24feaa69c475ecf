import { initAll } from '../lib/nhsuk/nhsuk-frontend.min.js';

initAll();
