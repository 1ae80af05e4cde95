import type { Severity } from '../model/diagnostic.js'
import { fingerprintDiagnostics } from '../model/fingerprint.js'
import type { LintResult } from '../lint.js'
import { docsUrl, rules } from '../rules/index.js'
import { HOMEPAGE, TOOL_NAME, VERSION } from '../version.js'
import { stringifyJson } from './escape/json.js'
import { encodeArtifactUri, escapeSarifMessage } from './escape/sarif.js'

const levels: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  notice: 'note'
}

/** SARIF 2.1.0 for code scanning: every rule declared, positions in UTF-16 columns, stable fingerprints. */
export function formatSarif(result: LintResult): string {
  const index = new Map(rules.map((rule, position) => [rule.id, position]))
  // Over the known findings too, as the baseline counts them: a new duplicate of a known finding
  // keeps a fingerprint of its own.
  const fingerprints = fingerprintDiagnostics([
    ...result.diagnostics,
    ...(result.baseline?.known ?? [])
  ])
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            informationUri: HOMEPAGE,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.docs.description },
              fullDescription: { text: rule.docs.rationale },
              helpUri: docsUrl(rule.id),
              defaultConfiguration: { level: levels[rule.severity] }
            }))
          }
        },
        columnKind: 'utf16CodeUnits',
        results: result.diagnostics.map((d, position) => {
          const fingerprint = fingerprints[position] ?? ''
          return {
            ruleId: d.ruleId,
            ruleIndex: index.get(d.ruleId) ?? -1,
            level: levels[d.severity],
            message: { text: escapeSarifMessage(d.message) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeArtifactUri(d.file), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: d.range.start.line,
                    startColumn: d.range.start.column,
                    endLine: d.range.end.line,
                    endColumn: d.range.end.column
                  }
                }
              }
            ],
            partialFingerprints: { 'mcpLintFinding/v1': fingerprint },
            ...(d.fix === undefined
              ? {}
              : {
                  fixes: [
                    {
                      description: { text: escapeSarifMessage(d.fix.description) },
                      artifactChanges: [
                        {
                          artifactLocation: {
                            uri: encodeArtifactUri(d.file),
                            uriBaseId: '%SRCROOT%'
                          },
                          replacements: d.fix.edits.map((edit) => ({
                            deletedRegion: {
                              startLine: edit.range.start.line,
                              startColumn: edit.range.start.column,
                              endLine: edit.range.end.line,
                              endColumn: edit.range.end.column
                            },
                            insertedContent: { text: edit.text }
                          }))
                        }
                      ]
                    }
                  ]
                })
          }
        })
      }
    ]
  }
  return stringifyJson(log)
}
