import { createHash } from 'node:crypto'
import type { Diagnostic } from './diagnostic.js'

/**
 * A stable identity for each finding, in order: its file, rule, message id, server and message,
 * with positions left out so a finding keeps its identity when lines move, and a count for
 * findings that are otherwise the same. SARIF's partialFingerprints and the baseline use it.
 */
export function fingerprintDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>()
  return diagnostics.map((d) => {
    const identity = [
      d.file,
      d.ruleId,
      d.messageId,
      d.server ?? '',
      // Messages may quote another finding's line:column ("also at 3:5").
      d.message.replace(/\d+:\d+/g, '')
    ].join('\u0000')
    const occurrence = (seen.get(identity) ?? 0) + 1
    seen.set(identity, occurrence)
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32)
  })
}
