'use strict';
// fieldguard/node for `require`: the helpers bound to the Node build.
const { createHelpers } = require('./core.cjs');
module.exports = { createHelpers, ...createHelpers(require('../node/index.cjs')) };
