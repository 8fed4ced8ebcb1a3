// A project for the CMS tests: the kennisbank binary, a temporary copy of the minimal fixture
// (never the real content/), and `kennisbank serve` on it.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './build.js';

/** The kennisbank binary: KENNISBANK_BIN, else the release build (made when missing). */
export function binary() {
  if (process.env.KENNISBANK_BIN) return process.env.KENNISBANK_BIN;
  const bin = path.join(PROJECT_ROOT, 'target', 'release', 'kennisbank');
  if (!existsSync(bin)) {
    const r = spawnSync('cargo', ['build', '--release', '-p', 'kennisbank'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    assert.equal(r.status, 0, 'cargo build --release -p kennisbank failed');
  }
  return bin;
}

/** A project folder (its name starting with `prefix`) with the minimal fixture's content and the repository's themes. */
export function project(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.join(PROJECT_ROOT, 'tests/fixtures/minimal/content'), path.join(dir, 'content'), { recursive: true });
  for (const shared of ['gemeenten.yaml', 'herverdeling']) {
    cpSync(path.join(PROJECT_ROOT, 'content', shared), path.join(dir, 'content', shared), { recursive: true });
  }
  cpSync(path.join(PROJECT_ROOT, 'themes'), path.join(dir, 'themes'), { recursive: true });
  return dir;
}

/** Starts `kennisbank serve --port 0` on `root` and resolves with the process, its URL and its log so far. */
export function serve(bin, root) {
  const child = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 120000);
    child.stderr.on('data', (d) => {
      log += d;
      // "De site staat op http://127.0.0.1:PORT/ (…)." (or "Serving http://…" in English)
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], log: () => log });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve stopped (${code}):\n${log}`)));
  });
}
