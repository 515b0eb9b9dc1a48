// Waits until a page server answers (the benchmark command starts one in the background).
// usage: node bench/wait-for-page.mjs URL      Exit status 1 if it has not answered within 15 s.
const url = process.argv[2];
const giveUpAt = Date.now() + 15_000;
while (Date.now() < giveUpAt) {
  try {
    if ((await fetch(url)).ok) process.exit(0);
  } catch {
    // Not listening yet.
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.error(`no page server answered at ${url}`);
process.exit(1);
