// Trunk's post_build hook (Trunk.toml), before the service worker is stamped: cuts the page's
// WebAssembly into the first download and the parts fetched when first used (src/app/later.rs;
// README, "Download size"). Trunk 0.21 cannot build split WebAssembly (trunk-rs/trunk#1022), so
// this redoes its last steps for the split file:
//   1. wasm-split-cli (crate wasm_split_cli_support) cuts cargo's output, which the build's
//      `--emit-relocs` (build.rs) leaves readable, into a main file, one file per part and
//      chunks the parts share, and writes the loader (__wasm_split.js) the main file imports;
//   2. wasm-bindgen makes the main file's JavaScript bindings, under Trunk's hashed names;
//   3. wasm-opt -Oz shrinks every file of a release build (index.html sets data-wasm-opt="0" so
//      Trunk does not);
//   4. the parts get hashed names too, and index.html the new files' integrity hashes.
// usage: node tools/split-wasm.mjs    (Trunk sets TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR, TRUNK_PROFILE)
//        MARROW_WASM_NAMES=1 keeps the functions' names (wasm-opt -g) for a CPU profile
//        (tests/e2e/bench/frame-profile.mjs); the download grows, so never for a build you ship.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error('split-wasm: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const linked = join(targetDir, 'wasm32-unknown-unknown', profile, 'marrow-factory.wasm');

// Trunk's names for this build: NAME-HASH.js and NAME-HASH_bg.wasm.
const glue = readdirSync(staging).find((name) => /^marrow-factory-[0-9a-f]+\.js$/.test(name));
if (!glue) {
  console.error(`split-wasm: no marrow-factory-HASH.js in ${staging}`);
  process.exit(1);
}
const stem = glue.slice(0, -'.js'.length);

// wasm-opt warns of every part's "unknown name subsection" (the local names wasm-split-cli
// writes, which wasm-opt drops anyway); every other message is passed on.
const run = (command, args) => new Promise((resolve, reject) => {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => { stderr += text; });
  child.on('error', reject);
  child.on('close', (status) => {
    const messages = stderr
      .split('\n')
      .filter((line) => line && !/^warning: unknown name subsection with id \d+ at \d+$/.test(line));
    if (messages.length > 0) console.error(messages.join('\n'));
    if (status === 0) resolve();
    else reject(new Error(`${command} ${args.join(' ')}: exit ${status}`));
  });
});

// Runs `job` on every item, as many at a time as the machine has cores (npm's wasm-opt is
// itself WebAssembly run by Node: about a second to start, so 20 parts one after another take
// half a minute).
async function eachAtOnce(items, job) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await job(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}
const digest = (bytes, algorithm = 'sha256') => createHash(algorithm).update(bytes).digest();
const shortHash = (bytes) => digest(bytes).toString('hex').slice(0, 16);

const work = mkdtempSync(join(tmpdir(), 'split-wasm-'));
try {
  // 1. Cut. The main file is named after Trunk's files, so the loader imports "./STEM.js".
  await run('wasm-split-cli', [linked, work, '--out-name', stem]);
  // 2. Bindings for the main file, as Trunk makes them (`--target web`, no TypeScript), keeping the
  //    function table exported: the parts call through it.
  await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', join(work, 'bindgen'), '--out-name', stem, join(work, `${stem}.wasm`)]);
  renameSync(join(work, 'bindgen', `${stem}.js`), join(work, `${stem}.js`));
  renameSync(join(work, 'bindgen', `${stem}_bg.wasm`), join(work, `${stem}_bg.wasm`));
  rmSync(join(work, `${stem}.wasm`));

  // 3. Shrink every file; the features are the ones rustc's wasm32 target emits by default.
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  const parts = readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${stem}_bg.wasm`);
  // A debug build (`trunk build` without --release) is left as it is, as Trunk leaves it.
  if (profile === 'release') {
    await eachAtOnce([`${stem}_bg.wasm`, ...parts], (name) => {
      const path = join(work, name);
      const names = process.env.MARROW_WASM_NAMES === '1' ? ['-g'] : [];
      return run('wasm-opt', ['-Oz', ...names, ...features, path, '-o', path]);
    });
  }

  // 4. Hashed names: a cached part never meets another build's main file.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const name of parts) {
    const bytes = readFileSync(join(work, name));
    const hashed = `${name.slice(0, -'.wasm'.length)}-${shortHash(bytes)}.wasm`;
    if (!loader.includes(`"./${name}"`)) throw new Error(`the loader does not name ${name}`);
    loader = loader.replaceAll(`"./${name}"`, `"./${hashed}"`);
    writeFileSync(join(staging, hashed), bytes);
  }
  const loaderName = `${stem}-parts-${shortHash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  const bindings = readFileSync(join(work, `${stem}.js`), 'utf8').replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
  writeFileSync(join(staging, glue), bindings);
  writeFileSync(join(staging, `${stem}_bg.wasm`), readFileSync(join(work, `${stem}_bg.wasm`)));

  // index.html: Trunk's preload links carry integrity hashes of the files replaced above, and
  // the loader is preloaded beside the bindings that import it.
  const integrity = (name) => `sha384-${digest(readFileSync(join(staging, name)), 'sha384').toString('base64')}`;
  const page = join(staging, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const name of [glue, `${stem}_bg.wasm`]) {
    const before = html;
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(`/${name}`) ? tag.replace(/sha384-[A-Za-z0-9+/=]+/, integrity(name)) : tag);
    if (html === before) throw new Error(`index.html has no preload link with an integrity hash for ${name}`);
  }
  html = html.replace('</head>', `<link crossorigin href=/${loaderName} integrity=${integrity(loaderName)} rel=modulepreload></head>`);
  writeFileSync(page, html);
  console.log(`split-wasm: ${stem}_bg.wasm and ${parts.length} parts`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
