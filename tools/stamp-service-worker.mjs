// Trunk's post_build hook (Trunk.toml): writes this build's files and version into the staged
// service worker (sw.js), so it precaches exactly what the page loads, and every new build is a
// new worker that the browser installs as an update.
// usage: node tools/stamp-service-worker.mjs    (Trunk sets TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('stamp-service-worker: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const worker = join(staging, 'sw.js');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// Every file of the build but the worker itself, as paths relative to the page, sorted.
const paths = files(staging)
  .filter((path) => path !== worker)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .sort();
const hash = createHash('sha256');
for (const path of paths) {
  hash.update(path);
  hash.update(readFileSync(join(staging, path)));
}
const build = hash.digest('hex').slice(0, 16);

const source = readFileSync(worker, 'utf8');
const stamped = source
  .replace(/^const BUILD = .*;$/m, `const BUILD = '${build}';`)
  .replace(/^const BUILD_FILES = .*;$/m, `const BUILD_FILES = ${JSON.stringify(paths)};`);
if (stamped === source || !stamped.includes(build)) {
  console.error('stamp-service-worker: sw.js has no BUILD / BUILD_FILES lines to fill in');
  process.exit(1);
}
writeFileSync(worker, stamped);
console.log(`stamp-service-worker: build ${build}, ${paths.length} files`);
