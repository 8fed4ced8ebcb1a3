// Builds the site the tests run against, with the project's own generator, exactly as a user
// would: `cargo run --release -p kennisbank -- build --out DIR [--base-url URL]`.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * A larger site: the project with every practice three times more (`NAME-2.md`, `NAME-3.md`,
 * `NAME-4.md`, titles numbered alike), so that its search index is sharded (over
 * 64 KB: the real content's ships whole, in one file) and its most frequent words get the
 * answers the build works out. Built once per process; its folder is in KB_LARGE_SITE_DIR.
 */
export function largeSiteDir() {
  if (process.env.KB_LARGE_SITE_DIR) return process.env.KB_LARGE_SITE_DIR;
  const { out } = largeProject();
  process.env.KB_LARGE_SITE_DIR = out;
  return out;
}

/**
 * A project of its own as `largeSiteDir` makes it, built: `{ root, out }`, for a test that
 * changes the content and builds again (`buildProject`).
 */
export function largeProject() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-browser-large-'));
  const root = path.join(tmp, 'project');
  cpSync(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'themes'), path.join(root, 'themes'), { recursive: true });
  const practices = path.join(root, 'content', 'praktijken');
  for (const category of readdirSync(practices)) {
    const dir = path.join(practices, category);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const n of [2, 3, 4]) {
        // Earlier addresses belong to the original only.
        const copy = text
          .replace(/^title: (.*)$/m, (_, t) => `title: ${t.replace(/^"(.*)"$/, '$1')} ${n}`)
          .replace(/^aliases:(\n {2}- .*| \[.*\])+\n?/m, '')
          .replace(/^order: (\d+)$/m, (_, o) => `order: ${Number(o) + 1000 * n}`);
        writeFileSync(path.join(dir, name.replace(/\.md$/, `-${n}.md`)), copy);
      }
    }
  }
  const out = path.join(tmp, 'site');
  buildProject(root, out);
  return { root, out };
}

/** Builds the project at `root` into `out`, as a user does (into the existing output, if any). */
export function buildProject(root, out) {
  const args = ['run', '--release', '-p', 'kennisbank', '--', 'build', '--root', root, '--out', out];
  const r = spawnSync('cargo', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`cannot run cargo: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`\`cargo ${args.join(' ')}\` failed with exit status ${r.status}`);
}
