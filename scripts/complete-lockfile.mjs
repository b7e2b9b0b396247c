#!/usr/bin/env node
/**
 * Adds the platform-specific optional packages (rollup, esbuild, biome… binaries for other OSes and CPUs)
 * that npm leaves out of package-lock.json on some installs, after which `npm 11 ci` refuses the lockfile
 * ("Missing: @rollup/rollup-android-arm64@ from lock file"; npm/cli#4828, #9083). Run it after changing
 * dependencies: `npm install && node scripts/complete-lockfile.mjs`. Entries for other platforms are
 * recorded, never installed (npm skips optional packages whose os/cpu/libc do not match).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(process.argv[2] ?? 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) {
      continue;
    }
    const info = lookUp(name, range);
    packages[`node_modules/${name}`] = {
      version: info.version,
      ...(info['dist.integrity'] ? { integrity: info['dist.integrity'] } : {}),
      ...(info.license ? { license: info.license } : {}),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(info.os ? { os: [info.os].flat() } : {}),
      ...(info.cpu ? { cpu: [info.cpu].flat() } : {}),
      ...(info.libc ? { libc: [info.libc].flat() } : {}),
    };
    added += 1;
  }
}

/**
 * The registry's metadata when it has the package; a registry mirror may not carry other platforms'
 * binaries, and then the platform is read from the conventional name (`…-darwin-arm64`, `…-linux-x64-musl`).
 */
function lookUp(name, range) {
  try {
    const view = JSON.parse(
      execFileSync('npm', ['view', `${name}@${range}`, 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'license', '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    return Array.isArray(view) ? view.at(-1) : view;
  } catch {
    const os = ['android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix'].find((o) =>
      new RegExp(`[-/]${o}(-|$)`).test(name),
    );
    const cpu = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'].find((c) =>
      new RegExp(`-${c}(-|$)`).test(name),
    );
    const libc = /-musl/.test(name) ? 'musl' : /-gnu/.test(name) && os === 'linux' ? 'glibc' : undefined;
    return { version: range.replace(/^[\^~=]/, ''), os, cpu, libc };
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} optional platform package entries\n`);
