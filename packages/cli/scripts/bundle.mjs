// Bundles the built CLI (dist/run.js) and the pipeline's worker into
// bundle/: about 50 files instead of some 650 modules, so a command
// spends its time on work, not on resolving and loading modules. bin.js runs
// the bundle only while inputs.json shows it was made from the files on disk
// (see bundle-check.ts); otherwise it runs dist/ as before.
//
// The bundle runs from this checkout, in place. Two things make that hold:
// - `import.meta.url` in a bundled file is replaced by that file's own URL,
//   and `import.meta.resolve` by what it resolves to from there, written
//   relative to the bundle, so templates, fonts and packages found from a
//   file are found as before;
// - packages that read their own files at run time stay outside, imported
//   by a relative path to where the installed package lies.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(cli, 'bundle');
const repo = resolve(cli, '../..');

// Read their own data files through __dirname, or load WASM or CommonJS
// modules by name at run time.
const OUTSIDE = ['pdfkit', 'sql.js', 'mathjax-full'];

// The pool starts its workers from this file; in the bundle, the bundled one.
const WORKER_URL = "new URL('./worker.js', import.meta.url)";
const WORKER_POOL = join('pipeline', 'dist', 'worker-pool.js');

/** `from` written relative to the bundle folder, as an import path. */
function fromBundle(from) {
  const path = relative(out, from).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const inPlace = {
  name: 'in-place',
  setup(bundler) {
    const outside = new RegExp(
      `^(${OUTSIDE.map((name) => name.replace('.', '\\.')).join('|')})(/|$)`,
    );
    bundler.onResolve({ filter: outside }, async (args) => {
      if (args.pluginData === 'in-place') return undefined;
      const found = await bundler.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'in-place',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: fromBundle(found.path), external: true };
    });
    bundler.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, async (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (args.path.endsWith(WORKER_POOL)) {
        if (!text.includes(WORKER_URL))
          throw new Error(`${WORKER_POOL} no longer names ${WORKER_URL}`);
        text = text.replace(WORKER_URL, 'WORKER_URL_IN_BUNDLE');
      }
      const own = JSON.stringify(fromBundle(args.path));
      text = text.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`);
      text = text.replace('WORKER_URL_IN_BUNDLE', WORKER_URL);
      // `import.meta.resolve('name')`: where it resolves from this file, written relative to the bundle.
      for (const [call, specifier] of text.matchAll(/import\.meta\.resolve\('([^']+)'\)/g)) {
        const found = await bundler.resolve(specifier, {
          kind: 'import-statement',
          resolveDir: dirname(args.path),
          pluginData: 'in-place',
        });
        if (found.errors.length > 0) return { errors: found.errors };
        text = text.replace(
          call,
          `new URL(${JSON.stringify(fromBundle(found.path))}, import.meta.url).href`,
        );
      }
      if (text.includes('import.meta.resolve'))
        throw new Error(`${args.path}: import.meta.resolve with other than a quoted name`);
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  absWorkingDir: repo,
  entryPoints: {
    run: join(cli, 'dist', 'run.js'),
    worker: join(repo, 'packages', 'pipeline', 'dist', 'worker.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS modules (handlebars) require Node's own modules.
  banner: {
    js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
  },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [inPlace],
});

// What the bundle was made from, for bin.js to check it is still current.
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => resolve(repo, input))
  .filter((input) => !input.includes(`${sep}node_modules${sep}`))
  .concat(join(repo, 'pnpm-lock.yaml'))
  .sort()
  .map((input) => {
    const stats = statSync(input);
    const sha256 = createHash('sha256').update(readFileSync(input)).digest('hex');
    return [fromBundle(input), stats.size, stats.mtimeMs, sha256];
  });
writeFileSync(join(out, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
