// Starts the page's WebAssembly. Trunk would do this with an inline script; this file does the
// same from the page's own server so the Content-Security-Policy can forbid inline scripts
// (issue 12). Trunk.toml's pattern_script writes this build's hashed file names into the tag:
//   <script type="module" src="/start.js" data-js="/NAME-HASH.js" data-wasm="/NAME-HASH_bg.wasm">
const tag = document.querySelector('script[data-wasm]');
const bindings = await import(tag.dataset.js);
const wasm = await bindings.default({ module_or_path: tag.dataset.wasm });
// As Trunk's own loader: the exported functions for tests and the console, and the start event.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
