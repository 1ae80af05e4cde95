import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadWorkspace } from '../../src/lint.js'
import { compareServers } from '../../src/canonical/compare.js'
import { projectPathMeaning } from '../../src/canonical/project-paths.js'
import fc from 'fast-check'
import { parseConfigText } from '../../src/parse/load.js'
import { loadParsing } from '../helpers/load-parsing.js'
import { toPlain, type PlainObject } from '../../src/model/tree.js'
import { dialects } from '../../src/platforms/index.js'
import type { Dialect } from '../../src/platforms/platform.js'
import { item, type CanonicalServer, type Item } from '../../src/canonical/canonical.js'
import { normalizeEntry, normalizeServer } from '../../src/canonical/normalize.js'
import { renderServer } from '../../src/canonical/render.js'
import { writeTomlServers } from '../../src/sync/toml-write.js'
import { newYamlFile } from '../../src/sync/yaml-write.js'
import { fromCanonical, toCanonical } from '../../src/canonical/references.js'
import { diffEntry } from '../../src/source/drift.js'
import { editServers } from '../../src/sync/edit-servers.js'

/** Canonical servers a platform can express in full. */
function expressible(platform: Dialect): fc.Arbitrary<CanonicalServer> {
  const t = platform.translation
  const literal = fc.stringMatching(/^[A-Za-z0-9 ./:_@-]{0,12}$/)
  const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/)
  const refs = ['brace', 'env-prefix', 'curly-env', 'secrets-template'].includes(t.references)
  const defaults =
    t.references === 'brace' && platform.interpolation.syntaxes.includes('brace-default')
  const reference = defaults
    ? fc.oneof(
        name.map((n) => `\${${n}}`),
        fc
          .tuple(
            name,
            literal.filter((l) => !l.includes('}'))
          )
          .map(([n, d]) => `\${${n}:-${d}}`)
      )
    : name.map((n) => `\${${n}}`)
  // Text that only looks like a reference (canonical form `$${…}`) is expressible where the platform would not expand it.
  const lookalike =
    t.references === 'brace' ? [] : [fc.constantFrom('$${x}', '$${/}', 'a$${input:k}')]
  // Paths relative to the project are written per platform (project-paths below).
  const notProjectPath = (value: string) =>
    !(value === '.' || value.startsWith('./') || value.startsWith('../'))
  const plain = fc.oneof(literal, ...lookalike).filter(notProjectPath)
  const text = (
    refs
      ? fc
          .array(fc.oneof(plain, reference), { minLength: 1, maxLength: 3 })
          .map((parts) => parts.join(''))
      : plain
  ).filter(notProjectPath)
  // Without interpolation a variable can only be passed through under its own name.
  const envEntry = (key: string) => (refs ? text : fc.oneof(plain, fc.constant(`\${${key}}`)))
  const env = fc
    .uniqueArray(name, { maxLength: 4 })
    .chain((keys) =>
      fc
        .tuple(...keys.map((key) => envEntry(key)))
        .map((values) => new Map(keys.map((key, i) => [key, item(values[i] ?? '', ['env', key])])))
    )
  const headerName = fc.constantFrom('Authorization', 'X-Api-Key', 'X-Client')
  // Codex writes a header from a variable only whole, or as "Bearer ${VAR}" in bearer_token_env_var.
  const header = (key: string) =>
    t.references === 'env-vars'
      ? fc.oneof(
          literal,
          name.map((n) => `\${${n}}`),
          ...(key === 'Authorization' ? [name.map((n) => `Bearer \${${n}}`)] : [])
        )
      : t.references === 'none'
        ? literal
        : text
  const headers = fc
    .uniqueArray(headerName, { maxLength: 2 })
    .chain((keys) =>
      fc
        .tuple(...keys.map((key) => header(key)))
        .map(
          (values) => new Map(keys.map((key, i) => [key, item(values[i] ?? '', ['headers', key])]))
        )
    )
  const disabled =
    t.disabled === undefined
      ? fc.constant(undefined)
      : fc.option(fc.constant(item(true, ['disabled'])), { nil: undefined })
  const filters = platform.tools?.filters
  const toolList = (key: string | undefined) =>
    key === undefined
      ? fc.constant(undefined)
      : fc.option(
          fc
            .array(fc.stringMatching(/^[a-z_]{1,8}$/), { maxLength: 3 })
            .map((tools) => tools.map((tool, i) => item(tool, [key, String(i)]))),
          { nil: undefined }
        )
  const timeout = (field: { key: string; unit: 'ms' | 's' } | undefined) =>
    field === undefined
      ? fc.constant(undefined)
      : fc.option(
          fc
            .integer({ min: 1, max: 600 })
            .map((n) => item(n * (field.unit === 's' ? 1000 : 250), [field.key])),
          { nil: undefined }
        )
  const base = { extras: new Map<string, Item<never>>(), typed: false }
  const stdio = fc
    .record({
      command: text.filter((c) => c !== '').map((c) => item(c, ['command'])),
      args: fc.array(text).map((args) => args.map((arg, i) => item(arg, ['args', String(i)]))),
      env,
      cwd: t.cwd
        ? fc.option(
            text.map((c) => item(c, ['cwd'])),
            { nil: undefined }
          )
        : fc.constant(undefined),
      disabled,
      includeTools: toolList(filters?.allow),
      excludeTools: toolList(filters?.deny),
      toolTimeout: timeout(t.timeouts?.tool),
      startupTimeout: timeout(t.timeouts?.startup)
    })
    .map((s) => ({
      ...base,
      ...s,
      transport: 'stdio' as const,
      url: undefined,
      headers: new Map()
    }))
  const remote = (transport: 'http' | 'sse') =>
    fc
      .record({
        url: text.filter((u) => u !== '').map((u) => item(`https://${u}`, ['url'])),
        headers: t.headers ? headers : fc.constant(new Map<string, Item<string>>()),
        disabled,
        includeTools: toolList(filters?.allow),
        excludeTools: toolList(filters?.deny),
        toolTimeout: timeout(t.timeouts?.tool),
        startupTimeout: timeout(t.timeouts?.startup)
      })
      .map((s) => ({
        ...base,
        ...s,
        transport,
        command: undefined,
        args: [],
        env: new Map(),
        cwd: undefined
      }))
  return fc.oneof(
    ...t.transports.map((transport) => (transport === 'stdio' ? stdio : remote(transport)))
  )
}

/** The comparable content of a canonical server, without paths. */
function content(server: CanonicalServer) {
  return {
    transport: server.transport,
    command: server.command?.value,
    args: server.args.map((arg) => arg.value),
    env: Object.fromEntries([...server.env].map(([key, value]) => [key, value.value])),
    cwd: server.cwd?.value,
    url: server.url?.value,
    headers: Object.fromEntries([...server.headers].map(([key, value]) => [key, value.value])),
    disabled: server.disabled?.value === true,
    includeTools: server.includeTools?.map((tool) => tool.value),
    excludeTools: server.excludeTools?.map((tool) => tool.value),
    toolTimeout: server.toolTimeout?.value,
    startupTimeout: server.startupTimeout?.value
  }
}

function writeFile(platform: Dialect, server: PlainObject): string {
  if (platform.format === 'toml')
    return writeTomlServers(
      new Map([['s', server]]),
      platform.serversKeys[0],
      platform.serverList?.nameKey
    )
  if (platform.format === 'yaml')
    return newYamlFile(platform.serversKeys[0], new Map([['s', server]]), 'name')
  return JSON.stringify({ [platform.serversKeys[0]]: { s: server } }, null, 2)
}

describe('render then parse then normalise gives the server back', () => {
  // YAML clients' rendered text is parsed in memory: a check loads the parser when it reads a file.
  beforeAll(loadParsing)

  it.each(dialects.map((platform) => [platform.id, platform] as const))('%s', (_, platform) => {
    fc.assert(
      fc.property(expressible(platform), (server) => {
        const rendered = renderServer(platform, server)
        expect(rendered.problems).toEqual([])
        if (rendered.value === undefined) throw new Error('rendered nothing')
        const file = parseConfigText(
          platform.paths[0] ?? 'x',
          platform,
          writeFile(platform, rendered.value)
        )
        expect(file.syntaxProblems).toEqual([])
        const entry = file.servers[0]
        if (entry === undefined) throw new Error('no server parsed')
        const back = normalizeServer(platform, toPlain(entry.value))
        const expected = content(server)
        // A platform that writes two transports alike (OpenCode's "remote" tries HTTP, then SSE)
        // reads them back as one.
        const t = platform.translation
        const written = t.typeValues[server.transport]
        expected.transport =
          written === undefined ? server.transport : (t.readTypes[written] ?? server.transport)
        // Platforms without interpolation cannot write pass-through variables: the server inherits them.
        if (platform.translation.references === 'none') {
          expected.env = Object.fromEntries(
            Object.entries(expected.env).filter(([key, value]) => value !== `\${${key}}`)
          )
        }
        expect(content(back)).toEqual(expected)
        expect([...back.extras.keys()]).toEqual([])
      }),
      { seed: 20261126, numRuns: 200 }
    )
  })
})

describe('canonical references', () => {
  it.each([
    ['vscode', '${workspaceFolder}/x', '$${workspaceFolder}/x', '${workspaceFolder}/x'],
    ['vscode', '${env:A}-${B}', '${A}-$${B}', '${env:A}-${B}'],
    ['cursor', 'pre ${userHome}', 'pre $${userHome}', 'pre ${userHome}'],
    ['gemini-cli', '$HOME/${X:-d}', '${HOME}/${X:-d}', '${HOME}/${X:-d}'],
    ['claude-code', '${env:X}', '$${env:X}', undefined],
    ['codex', 'literal ${X}', '$${X}', 'literal ${X}']
  ])('%s: %j is %j in canonical form and written back as %j', (id, value, canonical, back) => {
    const platform = dialects.find((candidate) => candidate.id === id)
    if (platform === undefined) throw new Error(id)
    const t = platform.translation
    const style = t.references === 'env-vars' ? 'none' : t.references
    const bare = platform.interpolation.syntaxes.includes('bare')
    expect(toCanonical(value, t.references === 'env-vars' ? 'none' : t.references, bare)).toBe(
      canonical === '$${X}' ? `literal ${canonical}` : canonical
    )
    expect(fromCanonical(toCanonical(value, style, bare), style, true)).toBe(back)
  })
})

describe('project paths', () => {
  const args = (id: string, value: string) => {
    const platform = dialects.find((candidate) => candidate.id === id)
    if (platform === undefined) throw new Error(id)
    const server = normalizeServer(platform, { command: 'node', args: [value] })
    const rendered = renderServer(platform, server)
    return { args: rendered.value?.args, problems: rendered.problems.map((p) => p.reason) }
  }

  it.each([
    ['claude-code', './tools/server.mjs', './tools/server.mjs'],
    ['vscode', './tools/server.mjs', './tools/server.mjs'],
    // Cursor starts servers in the home directory: the project comes from its variable.
    ['cursor', './tools/server.mjs', '${workspaceFolder}/tools/server.mjs'],
    ['cursor', '.', '${workspaceFolder}'],
    ['cursor', '../tools/server.mjs', '${workspaceFolder}/../tools/server.mjs'],
    ['cursor', '@scope/pkg', '@scope/pkg']
  ])('%s writes %j as %j', (id, value, written) => {
    expect(args(id, value)).toEqual({ args: [written], problems: [] })
  })

  it('reports a project path Claude Desktop cannot be given', () => {
    expect(args('claude-desktop', './tools/server.mjs').problems).toEqual([
      'Claude Desktop starts servers outside the project and has no variable for the project folder: give an absolute path in "overrides"'
    ])
  })
})

const corpus = 'fixtures/corpus'

/**
 * The same property on every server of the vendored real-world files: read, normalised, written
 * back in the platform's own shape and read again, it means what it meant. Values a platform
 * cannot write are reported as problems, never written wrong.
 */
describe('real-world servers survive normalise, render and parse', () => {
  const repos = readdirSync(corpus).filter(
    (repo) => !repo.includes('.') && existsSync(join(corpus, repo))
  )
  it.each(repos)('%s', async (repo) => {
    const { workspace } = await loadWorkspace({ root: join(corpus, repo) })
    for (const file of workspace.files) {
      for (const entry of file.servers) {
        const platform = file.platform
        const server = normalizeEntry(platform, entry)
        // An entry config-schema refuses (an http server with a command and no url) means nothing.
        if (server.transport !== 'stdio' && server.url === undefined) continue
        const extras = Object.fromEntries(
          [...server.extras].map(([key, value]) => [key, value.value])
        )
        const rendered = renderServer(platform, { ...server, extras: new Map() }, extras)
        if (rendered.value === undefined)
          throw new Error(`${file.path}: ${entry.name.value} not rendered`)
        const written = parseConfigText(file.path, platform, writeFile(platform, rendered.value))
        expect(written.syntaxProblems).toEqual([])
        const back = written.servers[0]
        if (back === undefined) throw new Error(`${file.path}: ${entry.name.value} not read back`)
        const unwritten = new Set(rendered.problems.map((problem) => problem.path.join('.')))
        const differences = compareServers(
          server,
          normalizeEntry(platform, back),
          projectPathMeaning(platform)
        ).filter((difference) => !unwritten.has(difference.field.replace(/\[(\d+)\]/g, '.$1')))
        expect({ file: file.path, server: entry.name.value, differences }).toEqual({
          file: file.path,
          server: entry.name.value,
          differences: []
        })
      }
    }
  })
})

/**
 * sync's in-place edits on generated servers: whatever the file held, the edited file parses and
 * holds exactly the expected servers, and a file that already holds them is left as it is.
 */
describe('sync edits any server into any other', () => {
  it.each(dialects.map((platform) => [platform.id, platform] as const))('%s', (_, platform) => {
    const plainOf = (server: CanonicalServer) => {
      const value = renderServer(platform, server).value
      if (value === undefined) throw new Error('rendered nothing')
      return value
    }
    fc.assert(
      fc.property(expressible(platform), expressible(platform), (before, after) => {
        const path = platform.paths[0] ?? 'x'
        const text = writeFile(platform, plainOf(before))
        const file = parseConfigText(path, platform, text)
        if (file.source === undefined) throw new Error('no source')
        const expected = new Map([['s', plainOf(after)]])
        const result = editServers({ ...file, source: file.source }, expected, [])
        const edited = result.text
        if (edited === undefined) throw new Error('not edited')
        // Edited where the values are, not by writing the server anew.
        expect(result.how).not.toBe('rewritten')
        const back = parseConfigText(path, platform, edited)
        expect(back.syntaxProblems).toEqual([])
        expect(back.servers.map((entry) => entry.name.value)).toEqual(['s'])
        const entry = back.servers[0]
        if (entry === undefined) throw new Error('no server')
        expect(diffEntry(platform, plainOf(after), entry)).toEqual([])
        const same = editServers(
          { ...file, source: file.source },
          new Map([['s', plainOf(before)]]),
          []
        )
        expect(same.text).toBe(text)
      }),
      { seed: 20261203, numRuns: 100 }
    )
  })
})
