'use strict';
// Node, CommonJS and ES modules (node/index.mjs re-exports this): the nodejs
// build, whose wasm is read and compiled synchronously on first load. One
// instance serves `require` and `import`, so a Keyring made through one
// works with a Policy from the other.
const fg = require('../nodejs/fieldguard.js');

// The web build needs `await init()` before use; these let code shared with
// it run unchanged. The argument is accepted and ignored: the module is
// ready as soon as it is loaded. To supply the bytes yourself, use
// `fieldguard/web` and its initSync({ module: bytes }).
function initSync(_module) {
  return undefined;
}
async function init(_moduleOrPath) {
  return undefined;
}

module.exports = { ...fg, init, initSync };
