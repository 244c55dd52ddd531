// Builds static/dist/passend.css from the NL Design System packages installed by npm and the
// portal's own theme, so that no page loads anything from a CDN at run time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const parts = [
  "node_modules/@utrecht/component-library-css/dist/index.css",
  "node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
  "static/css/thema.css",
  "static/css/portaal.css",
];
const css = parts
  .map((part) => `/* ${part} */\n${readFileSync(join(root, part), "utf8")}`)
  .join("\n");
mkdirSync(join(root, "static/dist"), { recursive: true });
writeFileSync(join(root, "static/dist/passend.css"), css);
console.log(`static/dist/passend.css: ${(css.length / 1024).toFixed(0)} kB from ${parts.length} parts`);
