import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { lint } from '../src/lint.js'
import { parse as parseJsonc } from 'jsonc-parser'
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser'
import { parse as parseYaml } from 'yaml'
import { dialectForPath, getPlatform } from '../src/platforms/index.js'
import type { Platform } from '../src/platforms/platform.js'
import { formatText } from '../src/reporters/text.js'

/**
 * The real-world corpus: 147 config files from public repositories, vendored unmodified in
 * fixtures/corpus (its README and MANIFEST.tsv say where each comes from). Every repository is
 * linted end to end; the complete report is pinned in corpus.expected.txt so any change in what
 * the rules find is visible in review (UPDATE_GOLDEN=1 rewrites it).
 */
const corpus = 'fixtures/corpus'
const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [localPath = '', , originalPath = '', , platform = '', notes = ''] = line.split('\t')
    return { localPath, repo: localPath.split('/')[0] ?? '', path: originalPath, platform, notes }
  })
const repos = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Real files with an error the client would refuse too (checked against its source). */
const knownErrors: Readonly<Record<string, unknown[]>> = {
  // transport = "http" with the URL in "command": Vibe requires "url" and refuses the file.
  // {env:Z_AI_API} in a project file: Kilo 7.7.7 refuses references there and skips the file.
  'JustDreamer7__dotfiles/.kilo/kilo.json': [13, 22, 31].map((line) =>
    expect.objectContaining({
      ruleId: 'config-env-syntax',
      range: expect.objectContaining({ start: expect.objectContaining({ line }) })
    })
  ),
  'nathan-mittelette__boldify-mcp/.vibe/config.toml': [
    expect.objectContaining({ ruleId: 'config-schema', message: expect.stringContaining('"url"') })
  ]
}

/** The server names of a file, read with the parsers' own value readers, not mcp-lint's trees. */
function serverNames(text: string, platform: Platform): string[] {
  const root = (
    platform.format === 'toml'
      ? getStaticTOMLValue(parseTOML(text))
      : platform.format === 'yaml'
        ? parseYaml(text)
        : parseJsonc(text)
  ) as Record<string, unknown>
  const servers = root[platform.serversKeys[0]]
  const list = platform.serverList
  if (list !== undefined && Array.isArray(servers))
    return (servers as Record<string, unknown>[]).map((server) => String(server[list.nameKey]))
  return Object.keys(servers ?? {})
}

describe('real-world corpus', () => {
  it('has the 147 files of the manifest', () => {
    expect(manifest).toHaveLength(147)
  })

  // A file added to the copy without its attribution, or one lost in a copy, shows here.
  it('holds exactly the files the manifest credits, at their original paths', () => {
    const files = repos.flatMap((repo) =>
      readdirSync(join(corpus, repo), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(corpus, join(entry.parentPath, entry.name)).split(sep).join('/'))
    )
    expect(files.sort()).toEqual(manifest.map((entry) => entry.localPath).sort())
    for (const entry of manifest) expect(entry.localPath).toBe(`${entry.repo}/${entry.path}`)
  })

  it('lints every repository without crashing, with positions inside the files', async () => {
    let report = ''
    for (const repo of repos) {
      const result = await lint({ root: join(corpus, repo) })
      for (const d of result.diagnostics) {
        const lines = readFileSync(join(corpus, repo, d.file), 'utf8').split(/\r\n|\r|\n/)
        expect(d.range.start.line).toBeGreaterThanOrEqual(1)
        expect(d.range.start.line).toBeLessThanOrEqual(lines.length)
        expect(d.range.start.column).toBeGreaterThanOrEqual(1)
        expect(d.range.start.column).toBeLessThanOrEqual(
          (lines[d.range.start.line - 1]?.length ?? 0) + 1
        )
      }
      // Every manifest file at a path a platform reads is found and parsed.
      const expected = manifest.filter(
        (entry) => entry.repo === repo && dialectForPath(entry.path) !== undefined
      )
      expect(result.files.map((file) => file.path)).toEqual(
        expect.arrayContaining(expected.map((entry) => entry.path))
      )
      report += `## ${repo}\n${formatText(result)}`
    }
    const golden = join('__tests__', 'corpus.expected.txt')
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, report)
    expect(report).toBe(readFileSync(golden, 'utf8'))
  })

  // Each client read since 2026-12-03 from real files: every file loads as that client's, with
  // every server of its map (or list), and nothing in them is an error but what the client refuses
  // too.
  it.each([
    'amazon-q',
    'continue',
    'crush',
    'junie',
    'kilo',
    'kilo-code',
    'mistral-vibe',
    'opencode',
    'qwen-code',
    'trae'
  ] as const)('%s: the real files load with all their servers and no error', async (id) => {
    const platform = getPlatform(id)
    const entries = manifest.filter((entry) => entry.platform === id)
    expect(entries.length).toBeGreaterThanOrEqual(3)
    for (const entry of entries) {
      const result = await lint({ root: join(corpus, entry.repo) })
      const file = result.files.find((candidate) => candidate.path === entry.path)
      expect([entry.path, file?.platform, file?.servers]).toEqual([
        entry.path,
        id,
        serverNames(readFileSync(join(corpus, entry.localPath), 'utf8'), platform)
      ])
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual(
        knownErrors[entry.localPath] ?? []
      )
    }
  })

  it('runs the committed CLI bundle on every repository folder without a crash', () => {
    for (const repo of repos) {
      const run = spawnSync(process.execPath, ['dist/cli/index.js', 'check', join(corpus, repo)], {
        encoding: 'utf8'
      })
      expect([repo, run.status, run.stderr]).toEqual([repo, expect.any(Number), ''])
      expect([repo, run.status === 0 || run.status === 1]).toEqual([repo, true])
    }
  })

  it('reports the truncated file with a position and nothing else about it', async () => {
    const result = await lint({ root: join(corpus, '000Shreeharish000__hive') })
    expect(
      result.diagnostics.map((d) => [d.ruleId, d.file, d.range.start.line, d.range.start.column])
    ).toEqual([['config-syntax', '.cursor/mcp.json', 4, 1]])
  })

  it('parses the JSONC VS Code files cleanly', async () => {
    const jsonc = manifest.filter(
      (entry) => entry.platform === 'vscode' && entry.notes.startsWith('[jsonc')
    )
    expect(jsonc.length).toBeGreaterThanOrEqual(2)
    for (const entry of jsonc) {
      const result = await lint({ root: join(corpus, entry.repo) })
      expect(result.diagnostics.filter((d) => d.ruleId === 'config-syntax')).toEqual([])
      expect(result.files.find((file) => file.path === entry.path)?.servers.length).toBeGreaterThan(
        0
      )
    }
  })
})
