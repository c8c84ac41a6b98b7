// Loads the Node build and the vector files for the node:test suites.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const fg = createRequire(import.meta.url)('../../../pkg/nodejs/fieldguard.js');

const dir = new URL('../../vectors/', import.meta.url);
/** [name, parsed file] for every tests/vectors/*.json. */
export const vectorFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]);
