// Copies the pinned NHS.UK frontend from node_modules into wwwroot/lib/nhsuk (run by Gateway.csproj at build time).
// The stylesheet's @font-face rules load Frutiger from assets.nhs.uk, a CDN we never call: they are dropped, and
// browsers use the design system's own fallback (Arial). Image URLs are made relative to the stylesheet.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(project, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
const target = join(project, 'wwwroot', 'lib', 'nhsuk');

mkdirSync(target, { recursive: true });
const css = readFileSync(join(source, 'nhsuk-frontend.min.css'), 'utf8')
  .replace(/@font-face\{[^}]*\}/g, '')
  .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
  .replaceAll('url(/assets/', 'url(assets/');
if (css.includes('assets.nhs.uk')) {
  throw new Error('nhsuk-frontend.min.css still refers to assets.nhs.uk; update build/copy-nhsuk.mjs for this version.');
}
writeFileSync(join(target, 'nhsuk-frontend.min.css'), css);
const js = readFileSync(join(source, 'nhsuk-frontend.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
writeFileSync(join(target, 'nhsuk-frontend.min.js'), js);
cpSync(join(source, 'assets'), join(target, 'assets'), { recursive: true });
