// Loads the Node builds and the vector files for the node:test suites.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The core build (no HTML sanitizer). */
export const fg = require('../../../pkg/nodejs/fieldguard.js');
/** The HTML entry: the core plus `sanitizeHtml`. */
export const fgHtml = require('../../../pkg/html/nodejs/fieldguard.js');
/** The names entry: the core plus PERSON_NAME / LOCATION / STREET_ADDRESS (feature `names`). */
export const fgNames = require('../../../pkg/names/nodejs/fieldguard.js');
/** Every entry, named, for suites that must hold for each. */
export const entries = [['core', fg], ['html', fgHtml], ['names', fgNames]];

const dir = new URL('../../vectors/', import.meta.url);
/** [name, parsed file] for every tests/vectors/*.json. */
export const vectorFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]);
