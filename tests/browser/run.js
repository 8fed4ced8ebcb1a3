// `npm test`: makes sure Chromium and the npm packages are there, builds the site twice with
// the project's generator (at `/` and under /kennisbank/), then runs every test file in test/
// with Node's test runner. Extra arguments are test files to run instead of all:
//   npm test -- test/search.test.js
// KB_SITE_DIR and KB_SITE_SUB_DIR, when both set, are used instead of building.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (m) => console.log(`browser tests: ${m}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  log(`${chromium} is missing; installing Debian's chromium`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args));
  if (apt(['update']) !== 0 || apt(['install', '-y', 'chromium']) !== 0) {
    console.error('browser tests: could not install chromium (apt-get install -y chromium)');
    process.exit(1);
  }
}
if (!existsSync(path.join(here, 'node_modules', 'playwright-core')) || !existsSync(path.join(here, 'node_modules', 'axe-core'))) {
  log('installing npm packages (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here }) !== 0) process.exit(1);
}

const { buildSite, SUB_PATH } = await import('./lib/build.js');
let tmp = null;
if (!(process.env.KB_SITE_DIR && process.env.KB_SITE_SUB_DIR)) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-browser-'));
  process.env.KB_SITE_DIR = path.join(tmp, 'site');
  process.env.KB_SITE_SUB_DIR = path.join(tmp, 'site-sub');
  log('building the site (cargo run --release -p kennisbank -- build)');
  try {
    buildSite(process.env.KB_SITE_DIR);
    buildSite(process.env.KB_SITE_SUB_DIR, SUB_PATH);
  } catch (e) {
    console.error(`browser tests: ${e.message}`);
    process.exit(1);
  }
  log(`built in ${seconds()} s`);
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(path.join(here, 'test'))
      .filter((f) => f.endsWith('.test.js'))
      .sort()
      .map((f) => path.join('test', f));

const status = run(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=180000', ...files], { cwd: here });
if (tmp) rmSync(tmp, { recursive: true, force: true });
log(`${status === 0 ? 'passed' : 'FAILED'} in ${seconds()} s; screenshots and PDFs in ${path.join(here, 'artifacts')}`);
process.exit(status);
