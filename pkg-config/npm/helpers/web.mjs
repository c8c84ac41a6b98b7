// fieldguard/node in Deno and browsers: the helpers bound to the web build.
// They call into it only when used, so `await init()` from 'fieldguard'
// must have run first.
import * as fg from '../web/fieldguard.js';
import { createHelpers } from './core.mjs';

export { createHelpers };
export const { bodyValidator, validateBody, redactText, redact, pinoRedaction } = createHelpers(fg);
