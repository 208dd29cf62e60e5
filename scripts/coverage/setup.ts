// A worker hands the coverage preload to the processes its tests start. NODE_OPTIONS is read when a
// process starts, so the worker itself, whose profiler Vitest already runs, is not affected.
const preload = new URL('./child-coverage.mjs', import.meta.url).href;
if (process.env.CIP_CHILD_COVERAGE_DIR && !process.env.NODE_OPTIONS?.includes(preload)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' ');
}
