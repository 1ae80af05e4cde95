import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Diagnostic, Severity } from '../../src/model/diagnostic.js'
import type { EntryResult } from '../../src/model/tools.js'
import { lintFiles } from '../../src/lint-text.js'
import { prepareDialects } from '../../src/parse/load.js'
import { dialectForPath } from '../../src/platforms/index.js'
import type { Rule, RuleSettings } from '../../src/rules/rule.js'

export interface ValidCase {
  readonly name?: string
  readonly path: string
  readonly text: string
  /** Other files of the repository, for rules that compare files. */
  readonly others?: readonly { readonly path: string; readonly text: string }[]
  /** For tools rules: enumeration results and a lockfile. */
  readonly enumeration?: readonly EntryResult[]
  readonly lockfile?: string
  /** mcp-lint.json thresholds the case runs with. */
  readonly settings?: Partial<RuleSettings>
  /** The base branch's mcp-lint.json (null: it has none), for a pull request's own settings. */
  readonly baseSettings?: string | null
}

export interface ExpectedFinding {
  readonly messageId: string
  readonly line: number
  readonly column: number
  readonly endLine?: number
  readonly endColumn?: number
  readonly severity?: Severity
  readonly message?: string | RegExp
  readonly server?: string
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[]
}

/**
 * ESLint's RuleTester for mcp-lint: valid cases must report nothing; invalid cases must report
 * exactly the listed findings (rule id, messageId, line and column), in order.
 */
export function testRule(
  rule: Rule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }
): void {
  describe(rule.id, () => {
    // Only the clients the cases use: loading every validator in each rule's test file costs seconds.
    beforeAll(() =>
      prepareDialects(
        [...cases.valid, ...cases.invalid]
          .flatMap((c) => [c, ...(c.others ?? [])])
          .flatMap((file) => dialectForPath(file.path) ?? [])
      )
    )
    describe('valid', () => {
      it.each(cases.valid.map((c, index) => [c.name ?? `${c.path} #${index + 1}`, c] as const))(
        '%s',
        (_, c) => {
          expect(lintFiles([c, ...(c.others ?? [])], [rule], c).map(describeFinding)).toEqual([])
        }
      )
    })
    describe('invalid', () => {
      it.each(cases.invalid.map((c, index) => [c.name ?? `${c.path} #${index + 1}`, c] as const))(
        '%s',
        (_, c) => {
          const found = lintFiles([c, ...(c.others ?? [])], [rule], c)
          expect(found.map((d) => d.ruleId)).toEqual(c.errors.map(() => rule.id))
          const projected = found.map((actual, index) => project(actual, c.errors[index]))
          expect(projected).toEqual(
            c.errors.map((expected) => ({ ...expected, message: expected.message ?? null }))
          )
        }
      )
    })
  })
}

/** The actual finding, reduced to the fields the expectation names (a regex message is matched). */
function project(
  actual: Diagnostic,
  expected: ExpectedFinding | undefined
): Record<string, unknown> {
  const projection: Record<string, unknown> = {
    messageId: actual.messageId,
    line: actual.range.start.line,
    column: actual.range.start.column,
    message: null
  }
  if (expected === undefined) return { ...projection, message: actual.message }
  if (expected.endLine !== undefined) projection.endLine = actual.range.end.line
  if (expected.endColumn !== undefined) projection.endColumn = actual.range.end.column
  if (expected.severity !== undefined) projection.severity = actual.severity
  if (expected.server !== undefined) projection.server = actual.server
  if (typeof expected.message === 'string') projection.message = actual.message
  else if (expected.message !== undefined)
    projection.message = expected.message.test(actual.message) ? expected.message : actual.message
  return projection
}

function describeFinding(d: {
  ruleId: string
  range: { start: { line: number; column: number } }
  message: string
}) {
  return `${d.range.start.line}:${d.range.start.column} ${d.message} [${d.ruleId}]`
}
