import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import addFormats from 'ajv-formats'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readReport } from '../src/action/report-file.js'
import type { Diagnostic } from '../src/model/diagnostic.js'
import { lint, type LintResult } from '../src/lint.js'
import { annotationsWithinBudget } from '../src/reporters/annotations.js'
import { commentMarker, COMMENT_LIMIT, formatComment } from '../src/reporters/comment.js'
import { formatJson } from '../src/reporters/json.js'
import { formatSarif } from '../src/reporters/sarif.js'
import { formatSummary } from '../src/reporters/summary.js'
import { rules } from '../src/rules/index.js'
import { tempRepos } from './helpers/temp-repo.js'
import { finding, withFindings } from './helpers/findings.js'

const demo = await lint({ root: 'fixtures/demo' })
const risky = await lint({ root: 'fixtures/scenarios/ng-tools-and-secrets' })
const tempRepo = tempRepos()

describe('SARIF', () => {
  const schema = JSON.parse(
    readFileSync('__tests__/schemas/sarif-schema-2.1.0.json', 'utf8')
  ) as Record<string, unknown>
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const validate = ajv.compile(schema)

  it.each([
    ['the demo', demo],
    ['the tool and secret rules', risky],
    ['no findings', withFindings(demo, [])],
    [
      'a finding over several lines',
      withFindings(demo, [
        {
          ...finding(1, 'error'),
          range: { start: { line: 2, column: 3 }, end: { line: 5, column: 1 } }
        }
      ])
    ]
  ])('is valid SARIF 2.1.0 for %s', (_, result) => {
    const log = JSON.parse(formatSarif(result)) as unknown
    expect(validate(log) ? [] : validate.errors).toEqual([])
  })

  it('declares every rule with a description and help URI, and says how columns count', () => {
    const log = JSON.parse(formatSarif(demo)) as {
      runs: {
        columnKind: string
        tool: {
          driver: { rules: { id: string; helpUri: string; shortDescription: { text: string } }[] }
        }
      }[]
    }
    const run = log.runs[0]
    expect(run?.columnKind).toBe('utf16CodeUnits')
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule.helpUri).toMatch(
        /^https:\/\/github\.com\/mcp-lint\/mcp-lint\/blob\/main\/docs\/rules\/[a-z-]+\.md$/
      )
      expect(rule.shortDescription.text.length).toBeGreaterThan(10)
    }
  })

  it('keeps fingerprints when lines move', () => {
    const prints = (result: LintResult) =>
      (
        JSON.parse(formatSarif(result)) as {
          runs: { results: { partialFingerprints: object }[] }[]
        }
      ).runs[0]?.results.map((r) => r.partialFingerprints)
    const moved = withFindings(
      demo,
      demo.diagnostics.map((d) => ({
        ...d,
        range: {
          start: { ...d.range.start, line: d.range.start.line + 3 },
          end: { ...d.range.end, line: d.range.end.line + 3 }
        }
      }))
    )
    expect(prints(moved)).toEqual(prints(demo))
  })
})

describe('JSON report', () => {
  it('reads back what it wrote, with the pull request it came from', async () => {
    const path = join(tempRepo(), 'report.json')
    const context = {
      repository: 'octo/repo',
      pullRequest: 5,
      headSha: 'f'.repeat(40),
      workflow: 'CI',
      path: '.'
    }
    writeFileSync(path, formatJson(risky, context))
    const read = await readReport(path)
    expect(read.context).toEqual(context)
    expect(read.result.diagnostics).toEqual(
      risky.diagnostics.map(({ platform, server, ...rest }) => ({
        ...rest,
        ...(platform === undefined ? {} : { platform }),
        ...(server === undefined ? {} : { server })
      }))
    )
    expect(read.result.summary).toEqual(risky.summary)
    expect(read.result.platforms).toEqual(risky.platforms)
  })

  it.each([
    [
      'a path out of the repository',
      (report: { diagnostics: { file: string }[] }) =>
        (report.diagnostics[0]!.file = '../../etc/passwd')
    ],
    [
      'an unknown rule',
      (report: { diagnostics: { ruleId: string }[] }) => (report.diagnostics[0]!.ruleId = 'evil')
    ],
    ['a bad commit', (report: { github: { headSha: string } }) => (report.github.headSha = 'HEAD')]
  ])('refuses a report with %s', async (_, tamper) => {
    const path = join(tempRepo(), 'report.json')
    const report = JSON.parse(
      formatJson(risky, { repository: 'o/r', headSha: 'a'.repeat(40) })
    ) as never
    tamper(report)
    writeFileSync(path, JSON.stringify(report))
    await expect(readReport(path)).rejects.toThrow('is not an mcp-lint report')
  })
})

describe('job summary', () => {
  it('has totals, findings, platforms, drift and tool changes, deterministically', () => {
    const summary = formatSummary(demo, { unannotated: 4 })
    expect(summary).toBe(formatSummary(demo, { unannotated: 4 }))
    expect(summary).toMatch(
      /^## mcp-lint\n\n\*\*13 errors\*\*, 6 warnings, 0 notices in 6 config files with 19 servers\n/
    )
    expect(summary).toContain('4 findings not shown as annotations')
    expect(summary).toContain('### Findings')
    expect(summary).toContain('### Tools per platform')
    expect(summary).toContain('### Drift from the central source')
    expect(summary).not.toMatch(/\d{4}-\d\d-\d\dT/)
  })
})

describe('pull request comment', () => {
  const marker = commentMarker('CI .')
  const linkBase = `https://github.com/octo/repo/blob/${'a'.repeat(40)}`

  it('leads with errors, leaked secrets first, one line per finding, each section once', () => {
    const body = formatComment(risky, { marker, sha: 'a'.repeat(40), linkBase })
    expect(body.startsWith(`${marker}\n### ❌ mcp-lint: 3 errors, 10 warnings, 7 notices`)).toBe(
      true
    )
    const headings = body.split('\n').filter((line) => line.startsWith('#### '))
    expect(headings).toEqual(['#### 🔴 Errors (3)', '#### 🟡 Warnings (10)', '#### 🔵 Notices (7)'])
    const rules = body.split('\n').filter((line) => /^\*\*[a-z-]+\*\*$/.test(line))
    expect(rules[0]).toBe('**server-secret**')
    expect(new Set(rules).size).toBeLessThanOrEqual(rules.length)
    // Every finding once, and no section repeats another's findings.
    expect(body.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(20)
    expect(body).not.toContain('Drift from the central source')
    expect(body).toContain('commit aaaaaaa')
  })

  it('links each finding to its line at the head, with a hostile file name kept inside the link', () => {
    const body = formatComment(
      withFindings(demo, [
        { ...finding(4, 'error'), file: 'x) [evil](https://evil.example/.mcp.json' }
      ]),
      { marker, linkBase }
    )
    const line = body.split('\n').find((text) => text.startsWith('- ')) ?? ''
    expect(line).toContain(`](${linkBase}/x%29%20%5Bevil%5D%28https%3A//evil.example/.mcp.json#L5)`)
  })

  it('counts the findings a command fixes, and names the command', () => {
    const fixable: Diagnostic = {
      ...finding(1, 'error'),
      fix: { description: 'write it', edits: [] }
    }
    const drift: Diagnostic = { ...finding(2, 'error'), ruleId: 'source-drift' }
    const body = formatComment(withFindings(demo, [fixable, finding(3, 'warning'), drift, drift]), {
      marker
    })
    expect(body).toContain(
      '🔧 1 of them has a mechanical fix: run `mcp-lint check --fix` (`--fix-dry-run` shows it first).'
    )
    expect(body).toContain(
      '🔁 2 drift findings are fixed by writing the files from the central source: run `mcp-lint sync`.'
    )
  })

  it('renders as Markdown as meant: headings, lists, links and code, no stray syntax', () => {
    // micromark with GFM is the parser GitHub's own rendering follows.
    const html = micromark(formatComment(risky, { marker, sha: 'a'.repeat(40), linkBase }), {
      allowDangerousHtml: true,
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()]
    })
    expect(html.match(/<h4>/g)).toHaveLength(3)
    expect(html.match(/<li>/g)).toHaveLength(20)
    expect(
      html.match(/<li><a href="https:\/\/github\.com\/octo\/repo\/blob\/a{40}\/[^"]+#L\d+"><code>/g)
    ).toHaveLength(20)
    // What a reader sees: the text without tags holds no Markdown left unrendered.
    const text = html.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]+>/g, '')
    expect(text).not.toMatch(/`|\*\*|^#/m)
    expect(text).not.toContain('\\')
  })

  it('is a short all-clear without findings', () => {
    expect(formatComment(withFindings(demo, []), { marker })).toBe(
      `${marker}\n### ✅ mcp-lint: no findings\n\n0 errors, 0 warnings, 0 notices in 6 config files with 19 servers.\n\n<sub>[mcp-lint](https://github.com/mcp-lint/mcp-lint) 0.1.0</sub>\n`
    )
  })

  it('cannot be made to mention, link or inject HTML through a message', () => {
    const hostile = withFindings(demo, [
      finding(
        1,
        'error',
        'tool "@org/security-team" <img src=x onerror=alert(1)> | `x` [a](https://evil.example) ![i](https://evil.example/i.png)'
      )
    ])
    const line =
      formatComment(hostile, { marker })
        .split('\n')
        .find((text) => text.startsWith('- ')) ?? ''
    expect(line).not.toContain('@org')
    expect(line).not.toContain('<img')
    expect(line).not.toMatch(/(?<!\\)\[a\]\(/)
  })

  it("fits GitHub's 65,536 characters with 20,000 findings", () => {
    const many = withFindings(
      demo,
      Array.from({ length: 20_000 }, (_, index) => finding(index, 'warning'))
    )
    const body = formatComment(many, { marker })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toMatch(/\d+ findings more in the job summary and the SARIF report/)
  })
})

describe('annotations', () => {
  it('go to errors first and, within a level, to the lines the pull request changed', () => {
    const diagnostics = [
      ...Array.from({ length: 12 }, (_, index) => finding(index, 'warning')),
      ...Array.from({ length: 12 }, (_, index) => finding(20 + index, 'error'))
    ]
    const changed = (file: string, line: number) =>
      file === '.mcp.json' && (line === 12 || line === 32)
    const { annotations, omitted } = annotationsWithinBudget(diagnostics, '', changed)
    expect(omitted).toBe(4)
    expect(annotations.map((a) => `${a.level}:${a.properties.startLine}`).slice(0, 2)).toEqual([
      'error:32',
      'error:21'
    ])
    expect(
      annotations.filter((a) => a.level === 'warning').map((a) => a.properties.startLine)
    ).toContain(12)
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10)
  })
})
