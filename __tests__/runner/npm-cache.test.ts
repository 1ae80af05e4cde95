import { describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bwrapArgs } from '../../src/runner/bwrap-args.js'
import type { LaunchRequest } from '../../src/runner/launch.js'
import { directView, viewCommand, viewNpmCache, withBinPath } from '../../src/runner/npm-cache.js'
import { fetchTrees } from '../../src/runner/npm-trees.js'
import { binName, npxShape, packageBin } from '../../src/runner/npx-bin.js'
import { tempRepos } from '../helpers/temp-repo.js'

const tempRepo = tempRepos()
const npm = '/home/mcp-lint/.npm'

function npx(args: readonly string[], spec = 'pkg@1.0.0', command = 'npx'): LaunchRequest {
  return {
    key: JSON.stringify([command, args]),
    kind: 'npx',
    command,
    args,
    recorded: { command, args },
    env: {},
    cwd: '/repo',
    placeholders: [],
    packageSpec: spec,
    packageName: spec.replace(/(.)@.*$/, '$1')
  }
}

/**
 * An install tree holding package `name` as npm leaves it: its files, its entry in the hidden
 * lockfile (`fields`, which the bin is chosen from), its bin linked under node_modules/.bin.
 */
function installTree(
  name: string,
  fields: Record<string, unknown>,
  link = 'dist/index.js'
): string {
  const tree = tempRepo()
  const home = join(tree, 'node_modules', name)
  mkdirSync(join(home, 'dist'), { recursive: true })
  mkdirSync(join(tree, 'node_modules/.bin'))
  // The tarball's own manifest names another bin: npm and npx go by the recorded one.
  writeFileSync(join(home, 'package.json'), JSON.stringify({ name, version: '9.9.9', bin: 'x.js' }))
  writeFileSync(
    join(tree, 'node_modules/.package-lock.json'),
    JSON.stringify({ packages: { [`node_modules/${name}`]: { version: '1.2.3', ...fields } } })
  )
  writeFileSync(join(home, 'dist/index.js'), '#!/usr/bin/env node\n')
  chmodSync(join(home, 'dist/index.js'), 0o755)
  const bin = name.replace(/^@[^/]+\//, '')
  symlinkSync(join('..', name, link), join(tree, 'node_modules/.bin', bin))
  return tree
}

describe("the bin npx picks (libnpmexec's getBinFromManifest)", () => {
  it.each([
    ['a string bin, named after the package', { name: '@scope/tool', bin: 'cli.js' }, 'tool'],
    ['the only bin', { name: 'pkg', bin: { other: 'cli.js' } }, 'other'],
    ['aliases of one file', { name: 'pkg', bin: { a: 'cli.js', b: 'cli.js' } }, 'a'],
    ['the bin named like the package', { name: '@s/pkg', bin: { x: 'x.js', pkg: 'p.js' } }, 'pkg'],
    ['several, none named like it', { name: 'pkg', bin: { x: 'x.js', y: 'y.js' } }, undefined],
    ['no bin', { name: 'pkg' }, undefined],
    ['no name', { bin: 'cli.js' }, undefined],
    ['one file written two ways', { name: 'pkg', bin: { a: './x.js', b: 'x.js' } }, 'a'],
    ['keys as npm normalises them', { name: 'pkg', bin: { foo: 'a.js', 'x/foo': 'b.js' } }, 'foo']
  ])('%s', (_, manifest, expected) => {
    expect(binName(manifest)).toBe(expected)
  })

  it("is npm's link to a file inside the installed package, with its version, as npm recorded them", () => {
    const tree = installTree('@s/server', { bin: { server: './dist/index.js' } })
    expect(packageBin(tree, '@s/server')).toEqual({
      bin: 'node_modules/.bin/server',
      version: '1.2.3'
    })
    expect(packageBin(tree, '@s/absent')).toBeUndefined()
    // An alias records the name it was published under, which npx chooses the bin by.
    expect(
      packageBin(
        installTree('alias', {
          name: 'real',
          bin: { alias: 'dist/index.js', real: 'dist/index.js' }
        }),
        'alias'
      )
    ).toEqual({ bin: 'node_modules/.bin/alias', version: '1.2.3' })
    // A link out of the package (another package's bin of that name), or to nothing, is left to npx.
    expect(
      packageBin(installTree('pkg', { bin: 'dist/index.js' }, '../../etc'), 'pkg')
    ).toBeUndefined()
    expect(
      packageBin(installTree('pkg', { bin: 'dist/gone.js' }, 'dist/gone.js'), 'pkg')
    ).toBeUndefined()
  })
})

describe('npx launches started from their bin', () => {
  it('are `npx -y pkg args`: the args after the package', () => {
    expect(npxShape(npx(['-y', '@s/server@1.0.0', '--flag', 'x'], '@s/server@1.0.0'))).toEqual([
      '--flag',
      'x'
    ])
    expect(npxShape(npx(['--yes', '--quiet', 'pkg@1.0.0']))).toEqual([])
    for (const spec of ['pkg', 'pkg@^1.2', 'pkg@latest', 'pkg@>=1 <2', 'pkg@npm:other@1.0.0'])
      expect(npxShape(npx(['-y', spec], spec))).toEqual([])
  })

  it.each([
    'pkg@github:user/repo',
    'pkg@git+https://example.com/r.git',
    'pkg@file:../x',
    'pkg@https://example.com/p.tgz'
  ])('leave %s, which the registry does not answer, to npx', (spec) => {
    expect(npxShape(npx(['-y', spec], spec))).toBeUndefined()
  })

  it.each([
    ['the package named by -p', ['-y', '-p', 'pkg@1.0.0', 'pkg']],
    ['the package named by --package=', ['--yes', '--package=pkg@1.0.0', 'pkg']],
    ['a shell command (-c)', ['-y', '-c', 'pkg']],
    ['an option npx would act on', ['-y', '--registry', 'https://r.example', 'pkg@1.0.0']],
    ['a `--` after the package', ['-y', 'pkg@1.0.0', '--', 'x']]
  ])('leave %s to npx', (_, args) => {
    expect(npxShape(npx(args))).toBeUndefined()
  })

  it('leave to npx a `cmd /c` wrapper and a spec that is no registry name', () => {
    expect(npxShape(npx(['/c', 'npx', '-y', 'pkg@1.0.0'], 'pkg@1.0.0', 'cmd'))).toBeUndefined()
    expect(npxShape(npx(['-y', '../../outside'], '../../outside'))).toBeUndefined()
    expect(npxShape(npx(['-y', 'Upper@1.0.0'], 'Upper@1.0.0'))).toBeUndefined()
  })

  it('see only their install tree, read-only, with its bins first on PATH', () => {
    const view = directView('/cache', 'trees/abc', 'node_modules/pkg/dist/index.js', ['serve'])
    expect(view.writable).toBeUndefined()
    expect(view.readOnly).toEqual([['/cache/trees/abc/node_modules', 'trees/abc/node_modules']])
    expect(viewCommand(npx([]), view, npm)).toEqual({
      command: `${npm}/trees/abc/node_modules/pkg/dist/index.js`,
      args: ['serve']
    })
    expect(withBinPath({ PATH: '/usr/bin' }, view, npm).PATH).toBe(
      `${npm}/trees/abc/node_modules/.bin:/usr/bin`
    )
    const args = bwrapArgs('user', npx([]), '/repo', view, { path: [], binds: [] })
    expect(args.join(' ')).toContain(
      `--ro-bind /cache/trees/abc/node_modules ${npm}/trees/abc/node_modules`
    )
    expect(args).not.toContain('--bind')
  })
})

describe('launches that run npm in the sandbox', () => {
  it('get a copy of the cache they may write, with the tarball contents read-only over it', async () => {
    const cache = tempRepo({
      '_npx/aaaa/package.json': '{}',
      '_npx/aaaa/node_modules/pkg/package.json': '{}',
      '_cacache/index-v5/aa/entry': 'index',
      '_cacache/content-v2/sha512/blob': 'tarball'
    })
    const scratch = tempRepo()
    const view = await viewNpmCache(cache, scratch)
    const writable = view.writable ?? ''
    expect(writable.startsWith(scratch)).toBe(true)
    expect(view.direct).toBeUndefined()
    expect(view.readOnly).toEqual([[join(cache, '_cacache/content-v2'), '_cacache/content-v2']])
    expect(existsSync(join(writable, '_cacache/index-v5/aa/entry'))).toBe(true)
    // npx reifies its install again for a range or a tag: the install is copied, writable.
    expect(existsSync(join(writable, '_npx/aaaa/node_modules/pkg/package.json'))).toBe(true)
    // The mount point is there, empty: what is mounted on it is never copied.
    expect(readdirSync(join(writable, '_cacache/content-v2'))).toEqual([])
    const args = bwrapArgs('user', npx([]), '/repo', view, { path: [], binds: [] }).join(' ')
    expect(args).toContain(`--bind ${writable} ${npm}`)
    expect(args).toContain(`--ro-bind ${cache}/_cacache/content-v2 ${npm}/_cacache/content-v2`)
  })
})

describe('install trees', () => {
  it('reuse pinned packages an earlier run installed, without npm', async () => {
    const root = tempRepo({
      'trees/t1/mcp-lint-fetched.json': JSON.stringify(['pkg@1.0.0', 'two@2.0.0']),
      'trees/t1/node_modules/pkg/package.json': '{}',
      'trees/t1/node_modules/two/package.json': '{}'
    })
    const lines: string[] = []
    const wanted = [
      { spec: 'pkg@1.0.0', name: 'pkg' },
      { spec: 'two@2.0.0', name: 'two' }
    ]
    const trees = await fetchTrees(wanted, root, { timeoutMs: 1, concurrency: 1 }, (line) =>
      lines.push(line)
    )
    for (const { spec } of wanted)
      expect(trees.get(spec)).toEqual({
        ok: true,
        tree: join(root, 'trees/t1'),
        fetchedBefore: true
      })
    expect(lines).toEqual([])
  })

  it('never reuse a tree that holds a package this run does not want', async () => {
    // Another repository's package in the tree could put a bin named `node` first on PATH.
    const root = tempRepo({
      'trees/t1/mcp-lint-fetched.json': JSON.stringify(['pkg@1.0.0', 'foreign@1.0.0']),
      'trees/t1/node_modules/pkg/package.json': '{}'
    })
    const trees = await fetchTrees(
      [{ spec: 'pkg@1.0.0', name: 'pkg' }],
      root,
      { timeoutMs: 1, concurrency: 1 },
      () => undefined
    )
    expect(trees.get('pkg@1.0.0')).toEqual({
      ok: false,
      detail: 'npm could not fetch pkg@1.0.0: timed out after 0.001 s'
    })
  })

  it('install each package alone when installing them together fails, so each failure is its own', async () => {
    const root = tempRepo()
    const lines: string[] = []
    const absent = [
      { spec: '@mcp-lint-test/absent-one@1.0.0', name: '@mcp-lint-test/absent-one' },
      { spec: '@mcp-lint-test/absent-two@1.0.0', name: '@mcp-lint-test/absent-two' }
    ]
    const trees = await fetchTrees(absent, root, { timeoutMs: 60_000, concurrency: 2 }, (line) =>
      lines.push(line)
    )
    expect(lines).toEqual([
      'fetching @mcp-lint-test/absent-one@1.0.0, @mcp-lint-test/absent-two@1.0.0',
      'fetching @mcp-lint-test/absent-one@1.0.0',
      'fetching @mcp-lint-test/absent-two@1.0.0'
    ])
    for (const { spec } of absent)
      expect(trees.get(spec)).toEqual({
        ok: false,
        detail: expect.stringMatching(new RegExp(`^npm could not fetch ${spec}: `))
      })
  }, 120_000)
})
