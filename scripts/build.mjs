// Bundles the CLI and the Action with ncc into dist/ (or the directory given as the first
// argument), runnable with plain `node` and no node_modules.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { transformSync } from 'esbuild'

const ncc = createRequire(import.meta.url)('@vercel/ncc')

/**
 * The parameter names webpack gives a module factory, which follows its id in the module table.
 * Minifying CommonJS, esbuild renames `module` and `exports` (`module2`), as they name the file's own.
 */
const factoryParameter =
  '(?:module\\d*|exports\\d*|__unused_webpack_\\w+|__webpack_\\w+__\\d*|__nccwpck_require__\\d*)'
const arrowFactory = new RegExp(
  `(?<=[{,]\\s*(?:/\\*{3}/\\s*)?)(\\d+:\\s*(?:/\\*{3}/\\s*)?)\\((?:\\(((?:${factoryParameter}(?:,\\s*${factoryParameter})*)?)\\)|(${factoryParameter}))\\s*=>\\s*\\{`,
  'g'
)

const base = process.argv[2] ?? 'dist'
const entries = [
  ['src/cli/index.ts', 'cli'],
  ['src/action/index.ts', 'action']
]
for (const [entry, name] of entries) {
  const out = join(base, name)
  rmSync(out, { recursive: true, force: true })
  await bundle(entry, out)
  for (const chunk of readdirSync(out).filter((file) => file.endsWith('.js'))) {
    // MCP_LINT_MINIFY=0 keeps the bundle readable, for profiling.
    if (process.env.MCP_LINT_MINIFY !== '0') minify(join(out, chunk))
    compileFactoriesEagerly(join(out, chunk))
  }
  if (name === 'cli') {
    const file = join(out, 'index.js')
    const code = readFileSync(file, 'utf8')
    if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`)
  }
}

/**
 * The bundle is CommonJS although the sources are ES modules. Node 20 loads an ES module through
 * its asynchronous loader: each chunk cost about 2 ms more than the same code required, and a run
 * over 10 clients loads 14 chunks (the clients' generated validators among them). ncc's command
 * line picks ES modules for a package of type "module"; its API takes `esm: false`. A
 * package.json of type "commonjs" in the output directory tells node how to read it.
 */
async function bundle(entry, out) {
  const { code, assets } = await ncc(resolve(entry), {
    esm: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022'
  })
  const files = {
    'index.js': code,
    ...Object.fromEntries(Object.entries(assets).map(([file, asset]) => [file, asset.source])),
    'package.json': '{ "type": "commonjs" }\n'
  }
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    writeFileSync(join(out, file), source)
  }
}

/**
 * Webpack writes each module as a parenthesised arrow function. V8 compiles a parenthesised
 * `function` expression eagerly, with the code around it, but not an arrow: an arrow is only
 * pre-parsed there and parsed again in full when its module is first required, so every module
 * the run loads was parsed twice. As functions (the same behaviour: webpack calls them plainly, and
 * the chunks are strict), one run over one server takes about 40 ms less.
 */
function compileFactoriesEagerly(file) {
  const code = readFileSync(file, 'utf8')
  writeFileSync(
    file,
    code.replace(arrowFactory, (_, key, list, single) => `${key}(function(${list ?? single}) {`)
  )
}

/**
 * Every run parses the bundle it loads before it reads a file: without whitespace and comments it
 * is a third smaller, and in ASCII (non-ASCII characters escaped) V8 keeps it as a one-byte string
 * instead of decoding UTF-8 into two-byte. Identifiers are not renamed: stack traces stay readable
 * and no code that reads a function's or class's name changes (esbuild's keepNames would cost a
 * call per function at load).
 */
function minify(file) {
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    format: 'cjs',
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    target: 'es2022',
    legalComments: 'none'
  })
  assertAscii(code, file)
  writeFileSync(file, code)
}

/**
 * One non-ASCII character makes V8 hold a whole chunk as a two-byte string. esbuild's `charset:
 * 'ascii'` escapes strings and identifiers, but leaves regular expression literals and tagged
 * template text as written, where an escape would change what the code reads (`String.raw`,
 * `RegExp#source`). So the build refuses such a character instead of rewriting it: write it as a
 * `\u` escape in the source (as the poisoning and placeholder patterns do).
 */
function assertAscii(code, file) {
  const at = code.search(/[\u0080-\uffff]/)
  if (at !== -1)
    throw new Error(
      `${file} has a non-ASCII character after minifying: ${JSON.stringify(code.slice(Math.max(0, at - 40), at + 10))}; escape it in the source`
    )
}
