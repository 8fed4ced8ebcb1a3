// Builds the site the tests run against, with the project's own generator, exactly as a user
// would: `cargo run --release -p kennisbank -- build --out DIR [--base-url URL]`.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The sub-path used to prove the site works under a base URL other than `/`. */
export const SUB_PATH = '/kennisbank/';

export function buildSite(out, baseUrl) {
  const args = ['run', '--release', '-p', 'kennisbank', '--', 'build', '--out', out];
  if (baseUrl) args.push('--base-url', baseUrl);
  const r = spawnSync('cargo', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`cannot run cargo: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`\`cargo ${args.join(' ')}\` failed with exit status ${r.status}`);
}

/**
 * The two builds every test file uses: at `/` and under SUB_PATH. The runner makes them once and
 * passes them on in KB_SITE_DIR and KB_SITE_SUB_DIR; a test file run on its own builds them itself.
 */
export function siteDirs() {
  if (process.env.KB_SITE_DIR && process.env.KB_SITE_SUB_DIR) {
    return { root: process.env.KB_SITE_DIR, sub: process.env.KB_SITE_SUB_DIR };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-browser-'));
  const root = path.join(tmp, 'site');
  const sub = path.join(tmp, 'site-sub');
  buildSite(root);
  buildSite(sub, SUB_PATH);
  process.env.KB_SITE_DIR = root;
  process.env.KB_SITE_SUB_DIR = sub;
  return { root, sub };
}
