// Builds the npm package `refrain` from the repository: the WebAssembly engines (www/pkg, the core,
// and www/pkg/full, with parallel texts; built by `make wasm`), the Worker client and its worker, the <refrain-compare> element, their TypeScript
// declarations, custom-elements.json, the package README (scripts/npm/README.md), the licences
// and the changelog. The version and licence are Cargo.toml's.
//
//   node scripts/build-npm.mjs            writes target/npm/package/
//   node scripts/build-npm.mjs --pack     and packs it: target/npm/refrain-<version>.tgz (printed)
//
// The files are those the modules and declarations of the `exports` map reach: static and dynamic
// imports and new URL('…', import.meta.url), and the declarations' imports. They keep their places relative to each
// other (as in www/), so every relative URL in them still holds and bundlers find each asset.
// A bare import (a dependency) is an error: the package has none.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
export const OUT = join(ROOT, 'target', 'npm');
export const PACKAGE = join(OUT, 'package');

/** The [package] table's `key = "value"` of Cargo.toml. */
export function cargoField(key) {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const table = toml.slice(toml.indexOf('[package]')).split(/\n\[/)[0];
  const m = table.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'));
  if (!m) throw new Error(`Cargo.toml has no [package] ${key}`);
  return m[1];
}

/** The files under www/ that `entries` reach, themselves included (a .d.ts reaches the .d.ts it imports from). */
export function reachable(entries) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    if (!existsSync(join(WWW, file)))
      throw new Error(`${file} is missing (reached from an entry point; run make wasm?)`);
    seen.add(file);
    if (!file.endsWith('.js') && !file.endsWith('.d.ts')) return;
    const types = file.endsWith('.d.ts');
    const source = readFileSync(join(WWW, file), 'utf8');
    const specifiers = source.matchAll(
      /^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/gm,
    );
    for (const [, from, bare, dynamic, url] of specifiers) {
      const spec = from ?? bare ?? dynamic ?? url;
      if (!url && !spec.startsWith('./') && !spec.startsWith('../')) {
        throw new Error(`${file} imports '${spec}': the package has no dependencies`);
      }
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      walk(types ? target.replace(/\.js$/, '.d.ts') : target);
    }
  };
  for (const entry of entries) walk(entry);
  return [...seen].sort();
}

/** package.json of the package: `exports` with a `types` condition for every module. */
function manifest(version) {
  return {
    name: 'refrain',
    version,
    description: cargoField('description'),
    license: cargoField('license'),
    keywords: ['text-reuse', 'phrasing', 'comparison', 'webassembly', 'web-worker', 'custom-element', 'speeches'],
    type: 'module',
    exports: {
      '.': { types: './pkg/refrain.d.ts', default: './pkg/refrain.js' },
      './client': { types: './refrain-client.d.ts', default: './refrain-client.js' },
      './element': { types: './embed/refrain-compare.d.ts', default: './embed/refrain-compare-element.js' },
      './define': { types: './embed/define.d.ts', default: './embed/define.js' },
      './refrain_bg.wasm': './pkg/refrain_bg.wasm',
      // The engine with parallel texts (Corpus.align, the cross-language query; feature parallel).
      './full': { types: './pkg/full/refrain.d.ts', default: './pkg/full/refrain.js' },
      './full/refrain_bg.wasm': './pkg/full/refrain_bg.wasm',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    types: './pkg/refrain.d.ts',
    customElements: './custom-elements.json',
    sideEffects: ['./embed/define.js'],
  };
}

/** custom-elements.json with its module paths relative to the package root (they are relative to embed/ in www). */
function elementsManifest() {
  const cem = JSON.parse(readFileSync(join(WWW, 'embed', 'custom-elements.json'), 'utf8'));
  const inEmbed = (p) => posix.join('embed', p);
  const fix = (node) => {
    if (Array.isArray(node)) node.forEach(fix);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'path' || k === 'module') && typeof v === 'string') node[k] = inEmbed(v);
        else fix(v);
      }
    }
  };
  fix(cem.modules);
  return cem;
}

export function build() {
  const version = cargoField('version');
  const pkg = manifest(version);
  // Every module and declaration the exports map names, and all they reach; they sit in the
  // package as in www/ (custom-elements.json and package.json are written below).
  const named = Object.values(pkg.exports)
    .flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))
    .map((f) => posix.normalize(f))
    .filter((f) => !['package.json', 'custom-elements.json'].includes(f));
  const files = reachable(named);
  rmSync(PACKAGE, { recursive: true, force: true });
  for (const f of files) {
    mkdirSync(dirname(join(PACKAGE, f)), { recursive: true });
    copyFileSync(join(WWW, f), join(PACKAGE, f));
  }
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'CHANGELOG.md']) copyFileSync(join(ROOT, f), join(PACKAGE, f));
  copyFileSync(join(ROOT, 'scripts', 'npm', 'README.md'), join(PACKAGE, 'README.md'));
  writeFileSync(join(PACKAGE, 'custom-elements.json'), `${JSON.stringify(elementsManifest(), null, 2)}\n`);
  writeFileSync(join(PACKAGE, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return { version, dir: PACKAGE };
}

/** Packs target/npm/package into target/npm/; returns npm pack's account of the tarball. */
export function pack() {
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: PACKAGE, encoding: 'utf8' }),
  );
  return { ...info, path: join(OUT, info.filename) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { version, dir } = build();
  console.log(`refrain ${version}: ${dir}`);
  if (process.argv.includes('--pack')) {
    const info = pack();
    console.log(
      `${info.path}: ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked, ${info.entryCount} files`,
    );
  }
}
