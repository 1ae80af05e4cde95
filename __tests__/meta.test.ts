import { beforeAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { lintFiles } from '../src/lint-text.js'
import { dialects, platforms } from '../src/platforms/index.js'
import { rules } from '../src/rules/index.js'
import { loadParsing } from './helpers/load-parsing.js'

/** Checks over the whole registry, as stylelint's meta tests and ESLint's checkRuleFiles do. */
describe('rule registry', () => {
  // The examples are linted in memory, every client's among them.
  beforeAll(loadParsing)

  it('has one file per rule, named by its id, sorted', () => {
    // Helpers of several rules, or of one large rule, live in support/.
    const files = readdirSync('src/rules')
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => !['rule.ts', 'index.ts', 'examples.ts'].includes(name))
      .map((name) => name.replace(/\.ts$/, ''))
    expect(rules.map((rule) => rule.id)).toEqual([...files].sort())
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))(
    '%s has metadata, a test, docs and working examples',
    (id, rule) => {
      expect(id).toMatch(/^(config|settings|source|server|tool|tools)-[a-z]+(-[a-z]+)*$/)
      expect(rule.docs.description).toMatch(/^(Disallow|Require|Limit) .+[^.]$/)
      expect(rule.docs.rationale.length).toBeGreaterThan(80)
      expect(existsSync(`__tests__/rules/${id}.test.ts`)).toBe(true)
      expect(existsSync(`docs/rules/${id}.md`)).toBe(true)
      expect(rule.docs.examples.invalid.length).toBeGreaterThan(0)
      for (const example of rule.docs.examples.invalid) {
        expect([
          example.path,
          lintFiles([example, ...(example.others ?? [])], [rule], example).length > 0
        ]).toEqual([example.path, true])
      }
      for (const example of rule.docs.examples.valid) {
        expect([
          example.path,
          lintFiles([example, ...(example.others ?? [])], [rule], example)
        ]).toEqual([example.path, []])
      }
    }
  )
})

describe('platform registry', () => {
  it('is sorted by id and no path belongs to two platforms', () => {
    const ids = platforms.map((platform) => platform.id)
    expect(ids).toEqual([...ids].sort())
    const paths = dialects.flatMap((dialect) => dialect.paths)
    expect(new Set(paths).size).toBe(paths.length)
  })

  it.each(dialects.map((dialect) => [dialect.id, dialect] as const))(
    '%s has a fixture directory and a published schema',
    (id, platform) => {
      expect(existsSync(`fixtures/platforms/${id}`)).toBe(true)
      expect(existsSync(`schemas/${id}.schema.json`)).toBe(true)
      expect(platform.schema.$id).toBe(
        `https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/${id}.schema.json`
      )
      expect(platform.reference).toMatch(/^https:\/\//)
    }
  )
})

describe('generated validators', () => {
  it('cover every schema mcp-lint validates with, so no run compiles one', async () => {
    const { loadPrecompiledValidator, precompiledValidator } =
      await import('../src/parse/generated/validators.js')
    const ids = [...dialects.map((dialect) => dialect.id), 'mcp-lint-config', 'mcp-lint-report']
    // mcp-lint.json's is always there; the others load with the first file of their schema.
    expect(typeof precompiledValidator('mcp-lint-config')).toBe('function')
    for (const id of ids) await loadPrecompiledValidator(id)
    for (const id of ids) expect(typeof precompiledValidator(id)).toBe('function')
    // A key no schema has, Object.prototype's included, has no validator.
    expect(precompiledValidator('constructor')).toBeUndefined()
    expect(precompiledValidator('no-such-schema')).toBeUndefined()
  })
})

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8')

  it('shows demo output that the demo really prints', () => {
    const block =
      /```text\n\$ node dist\/cli\/index\.js check fixtures\/demo\n([\s\S]*?)```/.exec(
        readme
      )?.[1] ?? ''
    const expected = readFileSync('fixtures/demo/expected.txt', 'utf8').split('\n')
    const shown = block.trim().split('\n')
    expect(shown.length).toBeGreaterThan(2)
    expect(expected).toEqual(expect.arrayContaining(shown))
  })

  it('documents every Action input and output', () => {
    const action = readFileSync('action.yml', 'utf8')
    const parsed = parse(action) as Record<string, Record<string, unknown>>
    const declared = (section: string) => Object.keys(parsed[section] ?? {})
    expect(declared('inputs').length).toBeGreaterThan(10)
    for (const input of declared('inputs')) expect(readme).toContain(`| \`${input}\``)
    for (const output of declared('outputs')) expect(readme).toContain(`\`${output}\``)
  })

  it('has exactly the two Quick start commands', () => {
    const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(
      quickStart
        .trim()
        .split('\n')
        .map((line) => line.split('#')[0]?.trim())
    ).toEqual(['npm ci && npm run demo', 'npm test'])
  })
})

describe('README CLI section', () => {
  it('shows --help as the CLI prints it, every command and option', async () => {
    const { globalHelp } = await import('../src/cli/help.js')
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toContain(`\n\`\`\`text\n${globalHelp()}\`\`\`\n`)
  })
})
