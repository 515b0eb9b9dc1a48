// The verdict on the long UI fuzz run's memory samples (issue 12: memory plateaus, at most 30 MB),
// shared by fuzz/long-run.mjs and the benchmark's report (tools/bench/write-report.mjs).
//
// Each sample is { minute, total_mb, ... }: JS heap used plus WebAssembly memory, after a forced
// garbage collection. The WebAssembly memory only grows (in 64 KiB pages, up to its high-water
// mark), so a page that fills its capped history in the first minutes grows early and then stays.

/** Memory goal of issue 12: JS heap and WebAssembly memory together, MB. */
export const MEMORY_GOAL_MB = 30;
/** Samples compared at each end (three minutes). */
const SAMPLES_COMPARED = 3;
/** Growth still called flat: 10 % or 1 MB, whichever is larger (chosen: the heap's own noise
 * after a forced collection is a few hundred KB here). */
const FLAT_GROWTH_SHARE = 0.1;
const FLAT_GROWTH_MB = 1;

const largest = (samples) => Math.max(...samples.map((sample) => sample.total_mb));

/**
 * Compares the last three minutes with minutes 1–3 (the first comparison issue 12 asks for) and
 * with the three minutes at the middle of the run: memory plateaus when the second half of the
 * run grows no more than the allowance.
 */
export function memoryVerdict(samples) {
  const used = samples.filter((sample) => sample.minute >= 1);
  const peak = largest(samples);
  if (used.length < 2 * SAMPLES_COMPARED) {
    return { plateau: null, peak_mb: peak, within_goal: peak <= MEMORY_GOAL_MB, note: 'too few samples for a verdict' };
  }
  const first = largest(used.slice(0, SAMPLES_COMPARED));
  const middleStart = Math.max(0, Math.floor(used.length / 2) - SAMPLES_COMPARED);
  const middle = largest(used.slice(middleStart, middleStart + SAMPLES_COMPARED));
  const last = largest(used.slice(-SAMPLES_COMPARED));
  const allowed = Math.max(FLAT_GROWTH_MB, middle * FLAT_GROWTH_SHARE);
  return {
    first_minutes_mb: first,
    middle_minutes_mb: middle,
    middle_from_minute: used[middleStart].minute,
    last_minutes_mb: last,
    growth_mb: last - first,
    second_half_growth_mb: last - middle,
    allowed_growth_mb: allowed,
    plateau: last - middle <= allowed,
    peak_mb: peak,
    within_goal: peak <= MEMORY_GOAL_MB,
  };
}
