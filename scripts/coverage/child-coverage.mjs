/**
 * Preloaded (through NODE_OPTIONS) into every process a test starts while the suite runs with coverage:
 * records which of the repository's modules ran, with the exact code V8 compiled (tsx's output, not
 * Vite's), and writes both to CIP_CHILD_COVERAGE_DIR when the process exits. The coverage provider
 * remaps them onto the suite's report. Plain JavaScript: it loads before any TypeScript loader.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.CIP_CHILD_COVERAGE_DIR;
const root = process.env.CIP_CHILD_COVERAGE_ROOT;

if (dir && root) {
  const prefix = pathToFileURL(root).href.replace(/\/?$/, '/');
  const session = new Session();
  session.connect();
  // Same-thread inspector sessions answer synchronously, which is what lets the exit handler use them.
  const post = (method, params) => {
    let answer;
    let failure;
    session.post(method, params, (error, result) => {
      failure = error;
      answer = result;
    });
    if (failure) throw failure;
    return answer;
  };
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  process.on('exit', () => {
    const { result } = post('Profiler.takePreciseCoverage');
    const ours = result.filter((script) => script.url.startsWith(prefix) && script.url !== import.meta.url && !script.url.includes('/node_modules/'));
    if (ours.length === 0) return;
    post('Debugger.enable');
    const scripts = ours.map((script) => ({ ...script, source: post('Debugger.getScriptSource', { scriptId: script.scriptId }).scriptSource }));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${process.pid}-${Date.now()}.json`), JSON.stringify({ result: scripts }));
  });
}
