import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Diagnostic } from '../../src/model/diagnostic.js'
import { lint } from '../../src/lint.js'

/**
 * The precision audit: every finding mcp-lint makes on the vendored real-world corpus
 * (fixtures/corpus), labelled accept or reject as the repository's maintainer would, with a
 * one-line reason (fixtures/precision/labels.tsv). A finding is keyed by repository, file,
 * position and rule (`rule#2` for a second one at the same place), so a changed position or a
 * new finding shows up as unlabelled.
 */
export const CORPUS = 'fixtures/corpus'
export const LABELS = 'fixtures/precision/labels.tsv'
const HEADER = ['repository', 'file', 'line', 'column', 'rule', 'verdict', 'reason']

export type Verdict = 'accept' | 'reject'

export interface Label {
  readonly key: string
  readonly verdict: Verdict
  readonly reason: string
}

export interface Finding {
  readonly key: string
  readonly repository: string
  readonly diagnostic: Diagnostic
}

export interface RulePrecision {
  readonly rule: string
  readonly accepted: number
  readonly rejected: number
  readonly precision: number
}

export interface Audit {
  readonly rules: readonly RulePrecision[]
  readonly total: RulePrecision
  readonly unlabelled: readonly Finding[]
  /** Labels no finding matches any more: a finding fixed or moved. */
  readonly stale: readonly string[]
}

function keyOf(repository: string, file: string, line: number, column: number, rule: string) {
  return [repository, file, line, column, rule].join('\t')
}

export function readLabels(text = readFileSync(LABELS, 'utf8')): Map<string, Label> {
  const [header, ...rows] = text.trimEnd().split('\n')
  if (header !== HEADER.join('\t'))
    throw new Error(`${LABELS}: the header must be ${HEADER.join(' ')}`)
  const labels = new Map<string, Label>()
  for (const [index, row] of rows.entries()) {
    const [repository = '', file = '', line = '', column = '', rule = '', verdict, reason = ''] =
      row.split('\t')
    if ((verdict !== 'accept' && verdict !== 'reject') || reason.trim() === '')
      throw new Error(`${LABELS}:${index + 2}: needs a verdict (accept or reject) and a reason`)
    const key = keyOf(repository, file, Number(line), Number(column), rule)
    if (labels.has(key)) throw new Error(`${LABELS}:${index + 2}: labelled twice`)
    labels.set(key, { key, verdict, reason })
  }
  return labels
}

/** Every finding of a default `check` on each corpus repository. */
export async function corpusFindings(): Promise<Finding[]> {
  const repositories = readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const findings: Finding[] = []
  for (const repository of repositories) {
    const result = await lint({ root: join(CORPUS, repository) })
    const seen = new Map<string, number>()
    for (const diagnostic of result.diagnostics) {
      const { line, column } = diagnostic.range.start
      const first = keyOf(repository, diagnostic.file, line, column, diagnostic.ruleId)
      // A second finding of one rule at one position is `rule#2`, in the report's order.
      const count = (seen.get(first) ?? 0) + 1
      seen.set(first, count)
      const rule = count === 1 ? diagnostic.ruleId : `${diagnostic.ruleId}#${count}`
      findings.push({
        key: keyOf(repository, diagnostic.file, line, column, rule),
        repository,
        diagnostic
      })
    }
  }
  return findings
}

function precisionOf(rule: string, accepted: number, rejected: number): RulePrecision {
  return { rule, accepted, rejected, precision: accepted / Math.max(1, accepted + rejected) }
}

export function audit(findings: readonly Finding[], labels: ReadonlyMap<string, Label>): Audit {
  const counts = new Map<string, { accepted: number; rejected: number }>()
  const unlabelled: Finding[] = []
  const seen = new Set<string>()
  for (const finding of findings) {
    const label = labels.get(finding.key)
    if (label === undefined) {
      unlabelled.push(finding)
      continue
    }
    seen.add(finding.key)
    const count = counts.get(finding.diagnostic.ruleId) ?? { accepted: 0, rejected: 0 }
    if (label.verdict === 'accept') count.accepted++
    else count.rejected++
    counts.set(finding.diagnostic.ruleId, count)
  }
  const rules = [...counts]
    .map(([rule, count]) => precisionOf(rule, count.accepted, count.rejected))
    .sort((a, b) => a.rule.localeCompare(b.rule))
  const sum = (pick: (rule: RulePrecision) => number) =>
    rules.reduce((total, rule) => total + pick(rule), 0)
  return {
    rules,
    total: precisionOf(
      'total',
      sum((rule) => rule.accepted),
      sum((rule) => rule.rejected)
    ),
    unlabelled,
    stale: [...labels.keys()].filter((key) => !seen.has(key))
  }
}

/** The README's table: per rule and total, accepted, rejected and precision. */
export function formatAudit(result: Audit): string {
  const row = (rule: RulePrecision, name: string) =>
    `| ${name} | ${rule.accepted} | ${rule.rejected} | ${rule.precision.toFixed(3)} |`
  return [
    '| Rule | Accepted | Rejected | Precision |',
    '| ---- | -------: | -------: | --------: |',
    ...result.rules.map((rule) => row(rule, `\`${rule.rule}\``)),
    row(result.total, '**all rules**')
  ].join('\n')
}

/** A row to label, for each unlabelled finding: the verdict left `?`, the message as reason. */
export function draftRows(findings: readonly Finding[]): string[] {
  return findings.map(({ key, diagnostic }) =>
    [key, '?', diagnostic.message.replaceAll('\t', ' ')].join('\t')
  )
}

export const labelsHeader = HEADER.join('\t')
