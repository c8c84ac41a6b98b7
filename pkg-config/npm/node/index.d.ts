export * from '../nodejs/fieldguard.js';
/**
 * For code shared with the web build: the Node build is ready when loaded,
 * so this returns at once and ignores its argument. To initialize from
 * bytes, use `fieldguard/web`'s `initSync({ module: bytes })`.
 */
export function initSync(module?: unknown): void;
/** For code shared with the web build: resolves at once (see `initSync`). */
export function init(module_or_path?: unknown): Promise<void>;
export default init;
