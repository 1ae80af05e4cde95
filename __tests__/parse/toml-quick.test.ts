import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SourceText } from '../../src/model/location.js'
import { loadThoroughToml, parseToml, parseTomlThoroughly } from '../../src/parse/toml.js'
import { readTomlQuickly } from '../../src/parse/toml-quick.js'

// Texts the quick reader leaves to toml-eslint-parser need it loaded.
beforeAll(loadThoroughToml)

/**
 * The quick reader either gives up or leads to exactly the tree toml-eslint-parser's AST gives,
 * locations included. It never accepts a text toml-eslint-parser refuses.
 */
function expectAgreement(text: string): 'quick' | 'thorough' {
  const quick = readTomlQuickly(text) !== undefined
  const thorough = parseTomlThoroughly(new SourceText('config.toml', text))
  if (quick) expect(thorough.problems).toEqual([])
  expect(JSON.stringify(parseToml(new SourceText('config.toml', text)))).toBe(
    JSON.stringify(thorough)
  )
  return quick ? 'quick' : 'thorough'
}

function tomlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.toml'))
    .map((entry) => join(entry.parentPath, entry.name))
}

const codexConfig = [
  '# Codex',
  'model = "o3"',
  '',
  '[mcp_servers.github]',
  'command = "npx"',
  'args = [\'-y\', "@modelcontextprotocol/server-github@1.2.0", ] # pinned',
  'env = { GITHUB_TOKEN = "${GITHUB_TOKEN}", "QUOTED KEY" = \'x\' }',
  'startup_timeout_sec = 20.5',
  'tool_timeout_sec = -3',
  'enabled = true',
  '',
  '[ mcp_servers . "docs" ]\r',
  'url = "https://example.com/mcp\\u00e9\\t"',
  'enabled_tools = [',
  '  "search", # the one we use',
  '  "fetch",',
  ']',
  '[mcp_servers.github.env_http_headers]',
  'X = "y"'
].join('\n')

describe('readTomlQuickly', () => {
  it('reads every fixture it accepts as toml-eslint-parser does', () => {
    const files = [...tomlFiles('fixtures'), ...tomlFiles('__tests__')]
    let quick = 0
    for (const file of files) if (expectAgreement(readFileSync(file, 'utf8')) === 'quick') quick++
    expect(files.length).toBeGreaterThan(20)
    expect(quick).toBeGreaterThan(files.length / 2)
  })

  it('reads what Codex configs are made of', () => {
    expect(expectAgreement(codexConfig)).toBe('quick')
  })

  it.each([
    ['an array of tables', '[[profiles]]\nname = "a"'],
    ['a dotted key', 'tool.timeout = 5'],
    ['a table opened twice', '[a]\n[a]'],
    ['a key set twice', 'a = 1\na = 2'],
    ['a header over a value', 'a = 1\n[a]'],
    ['a header through a value', 'a = 1\n[a.b]'],
    ['a header through an inline table', 'a = { b = 1 }\n[a.c]'],
    ['a key that was a table', '[a.b]\n[a]\nb = 1'],
    ['a multi-line string', 'a = """x"""'],
    ['a multi-line literal string', "a = '''x'''"],
    ['a date', 'a = 1979-05-27'],
    ['an exponent', 'a = 1e3'],
    ['an underscore', 'a = 1_000'],
    ['a leading zero', 'a = 01'],
    ['a plus sign', 'a = +1'],
    ['a negative zero', 'a = -0'],
    ['a hexadecimal number', 'a = 0xff'],
    ['inf', 'a = inf'],
    ['a \\x escape', 'a = "\\x41"'],
    ['a surrogate escape', 'a = "\\ud800"'],
    ['a control character', 'a = "x\u0001"'],
    ['a lone carriage return', 'a = 1\rb = 2'],
    ['two pairs on a line', 'a = 1 b = 2'],
    ['a multi-line inline table', 'a = {\n b = 1 }'],
    ['an inline table with a trailing comma', 'a = { b = 1, }'],
    ['a non-ASCII bare key', 'caf\u00e9 = 1'],
    ['an unterminated string', 'a = "x'],
    ['a missing value', 'a ='],
    ['a byte order mark', '\ufeffa = 1'],
    ['a surrogate in a comment', '# \ud800\na = 1'],
    ['a string past the length limit', `a = "${'x'.repeat(70_000)}"`],
    ['a bare key past the length limit', `${'k'.repeat(70_000)} = 1`],
    ['nesting past the limit', `a = ${'['.repeat(70)}${']'.repeat(70)}`]
  ])('leaves %s to toml-eslint-parser', (_, text) => {
    expect(readTomlQuickly(text)).toBeUndefined()
    expectAgreement(text)
  })

  it('agrees with toml-eslint-parser on generated configs', () => {
    const key = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/),
      fc.string({ maxLength: 6 }).map((name) => JSON.stringify(name)),
      fc.stringMatching(/^[a-z ]{0,6}$/).map((name) => `'${name}'`)
    )
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }).map((value) => JSON.stringify(value)),
      fc.integer({ min: -1e9, max: 1e9 }).map(String),
      fc.constantFrom('true', 'false', '1.5', '-0.25', '[]', '{}', "'lit'")
    )
    const value = fc.oneof(
      scalar,
      fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
      fc
        .uniqueArray(fc.tuple(key, scalar), { maxLength: 3, selector: ([name]) => name })
        .map((pairs) => `{ ${pairs.map(([name, v]) => `${name} = ${v}`).join(', ')} }`)
    )
    const table = fc.tuple(
      fc.array(key, { minLength: 1, maxLength: 3 }),
      fc.uniqueArray(fc.tuple(key, value), { maxLength: 4, selector: ([name]) => name })
    )
    fc.assert(
      fc.property(fc.array(table, { maxLength: 4 }), (tables) => {
        const text = tables
          .map(
            ([header, pairs]) =>
              `[${header.join('.')}]\n${pairs.map(([name, v]) => `${name} = ${v}`).join('\n')}`
          )
          .join('\n\n')
        expectAgreement(text)
      }),
      { numRuns: 300 }
    )
  })

  it('never accepts what toml-eslint-parser refuses, on texts with a character changed', () => {
    fc.assert(
      fc.property(
        fc.nat(codexConfig.length - 1),
        fc.constantFrom(...Array.from('[]{}=,."\'\\#-+.e0 \n\r\ttrux_\u00e9\u0001')),
        fc.boolean(),
        (at, character, insert) => {
          expectAgreement(
            `${codexConfig.slice(0, at)}${character}${codexConfig.slice(insert ? at : at + 1)}`
          )
        }
      ),
      { numRuns: 1500 }
    )
  })
})
