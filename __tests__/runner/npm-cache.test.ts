import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bwrapArgs } from '../../src/runner/bwrap-args.js'
import type { LaunchRequest } from '../../src/runner/launch.js'
import { viewCommand, viewNpmCache, withBinPath } from '../../src/runner/npm-cache.js'
import { binName, npxBin } from '../../src/runner/npx-bin.js'
import { tempRepos } from '../helpers/temp-repo.js'

const tempRepo = tempRepos()

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

/** A cache as npx leaves it after fetching `name`: its install, its bin link, some index. */
function fetchedCache(name: string, bin: unknown, hash = 'aaaa'): string {
  const cache = tempRepo()
  const tree = join(cache, '_npx', hash, 'node_modules')
  mkdirSync(join(tree, name, 'dist'), { recursive: true })
  mkdirSync(join(tree, '.bin'))
  writeFileSync(join(tree, name, 'package.json'), JSON.stringify({ name, version: '1.0.0', bin }))
  writeFileSync(join(tree, name, 'dist/index.js'), '#!/usr/bin/env node\n')
  symlinkSync(`../${name}/dist/index.js`, join(tree, '.bin', name.replace(/^@[^/]+\//, '')))
  writeFileSync(join(cache, '_npx', hash, 'package.json'), '{}')
  mkdirSync(join(cache, '_cacache/index-v5/aa'), { recursive: true })
  writeFileSync(join(cache, '_cacache/index-v5/aa/entry'), 'index')
  mkdirSync(join(cache, '_cacache/content-v2/sha512'), { recursive: true })
  writeFileSync(join(cache, '_cacache/content-v2/sha512/blob'), 'tarball')
  return cache
}

describe("the bin npx picks (libnpmexec's getBinFromManifest)", () => {
  it.each([
    ['a string bin, named after the package', { name: '@scope/tool', bin: 'cli.js' }, 'tool'],
    ['the only bin', { name: 'pkg', bin: { other: 'cli.js' } }, 'other'],
    ['aliases of one file', { name: 'pkg', bin: { a: 'cli.js', b: 'cli.js' } }, 'a'],
    ['the bin named like the package', { name: '@s/pkg', bin: { x: 'x.js', pkg: 'p.js' } }, 'pkg'],
    ['several, none named like it', { name: 'pkg', bin: { x: 'x.js', y: 'y.js' } }, undefined],
    ['no bin', { name: 'pkg' }, undefined],
    ['no name', { bin: 'cli.js' }, undefined]
  ])('%s', (_, manifest, expected) => {
    expect(binName(manifest)).toBe(expected)
  })
})

describe('npx launches started from their bin', () => {
  it('finds the bin of `npx -y pkg args` in the cache, with the args after the package', () => {
    const cache = fetchedCache('@s/server', { server: 'dist/index.js' })
    const request = npx(['-y', '@s/server@1.0.0', '--flag', 'x'], '@s/server@1.0.0')
    expect(npxBin(request, cache)).toEqual({
      bin: '_npx/aaaa/node_modules/.bin/server',
      args: ['--flag', 'x']
    })
    expect(npxBin(npx(['--yes', '--quiet', '@s/server@1.0.0'], '@s/server@1.0.0'), cache)).toEqual({
      bin: '_npx/aaaa/node_modules/.bin/server',
      args: []
    })
  })

  it.each([
    ['the package named by -p', ['-y', '-p', 'pkg@1.0.0', 'pkg']],
    ['the package named by --package=', ['--yes', '--package=pkg@1.0.0', 'pkg']],
    ['a shell command (-c)', ['-y', '-c', 'pkg']],
    ['an option npx would act on', ['-y', '--registry', 'https://r.example', 'pkg@1.0.0']],
    ['a `--` after the package', ['-y', 'pkg@1.0.0', '--', 'x']]
  ])('leaves %s to npx', (_, args) => {
    const cache = fetchedCache('pkg', 'dist/index.js')
    expect(npxBin(npx(args), cache)).toBeUndefined()
  })

  it('leaves to npx a `cmd /c` wrapper, a package not in the cache, a bin npx could not choose', () => {
    const cache = fetchedCache('pkg', 'dist/index.js')
    expect(npxBin(npx(['/c', 'npx', '-y', 'pkg@1.0.0'], 'pkg@1.0.0', 'cmd'), cache)).toBeUndefined()
    expect(npxBin(npx(['-y', 'pkg@1.0.0']), tempRepo())).toBeUndefined()
    const several = fetchedCache('pkg', { x: 'x.js', y: 'y.js' })
    expect(npxBin(npx(['-y', 'pkg@1.0.0']), several)).toBeUndefined()
  })

  it('mounts only the installed tree, read-only, and puts its bins first on PATH', async () => {
    const cache = fetchedCache('pkg', 'dist/index.js')
    const view = await viewNpmCache(npx(['-y', 'pkg@1.0.0', 'serve']), cache, tempRepo())
    expect(view.writable).toBeUndefined()
    expect(view.readOnly).toEqual([
      [join(cache, '_npx/aaaa/node_modules'), '_npx/aaaa/node_modules']
    ])
    const npm = '/home/mcp-lint/.npm'
    expect(viewCommand(npx([]), view, npm)).toEqual({
      command: `${npm}/_npx/aaaa/node_modules/.bin/pkg`,
      args: ['serve']
    })
    expect(withBinPath({ PATH: '/usr/bin' }, view, npm).PATH).toBe(
      `${npm}/_npx/aaaa/node_modules/.bin:/usr/bin`
    )
    const args = bwrapArgs('user', npx([]), '/repo', view, { path: [], binds: [] })
    expect(args.join(' ')).toContain(
      `--ro-bind ${cache}/_npx/aaaa/node_modules ${npm}/_npx/aaaa/node_modules`
    )
    expect(args).not.toContain('--bind')
  })
})

describe('launches that run npm in the sandbox', () => {
  it('get a copy of the index they may write, with the contents and installs read-only over it', async () => {
    const cache = fetchedCache('pkg', { x: 'x.js', y: 'y.js' })
    const scratch = tempRepo()
    const view = await viewNpmCache(npx(['-y', 'pkg@1.0.0']), cache, scratch)
    const writable = view.writable ?? ''
    expect(writable.startsWith(scratch)).toBe(true)
    expect(view.direct).toBeUndefined()
    expect(view.readOnly).toEqual([
      [join(cache, '_cacache/content-v2'), '_cacache/content-v2'],
      [join(cache, '_npx/aaaa/node_modules'), '_npx/aaaa/node_modules']
    ])
    expect(existsSync(join(writable, '_cacache/index-v5/aa/entry'))).toBe(true)
    expect(existsSync(join(writable, '_npx/aaaa/package.json'))).toBe(true)
    // The mount points are there, empty: what is mounted on them is never copied.
    expect(readdirSync(join(writable, '_cacache/content-v2'))).toEqual([])
    expect(readdirSync(join(writable, '_npx/aaaa/node_modules'))).toEqual([])
    const args = bwrapArgs('user', npx([]), '/repo', view, { path: [], binds: [] }).join(' ')
    expect(args).toContain(`--bind ${writable} /home/mcp-lint/.npm`)
    expect(args).toContain(
      `--ro-bind ${cache}/_npx/aaaa/node_modules /home/mcp-lint/.npm/_npx/aaaa/node_modules`
    )
  })
})
