// fieldguard/node for Node's `import`: the helpers bound to the same Node
// build instance as `import … from 'fieldguard'`.
import fg from '../node/index.cjs';
import { createHelpers } from './core.mjs';

export { createHelpers };
export const { bodyValidator, validateBody, redactText, redact, pinoRedaction } = createHelpers(fg);
