import { hexDigest } from '../util/digest.js'
import { compareDiagnostics, type Diagnostic } from './diagnostic.js'

/**
 * A stable identity for each finding, in the order given: its file, rule, message id and server,
 * and the first two names the message quotes (a field, a package, a tool), digits left out. Not its
 * line, nor the rest of the message, which holds what changes from run to run: timings, counts,
 * a server's error output, the other files with the same server. Findings otherwise the same are
 * counted in file order, so the same set of findings gets the same fingerprints in any order.
 * SARIF's partialFingerprints and the baseline use it.
 */
export function fingerprintDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>()
  const byDiagnostic = new Map<Diagnostic, string>()
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const quoted = [...d.message.matchAll(/"([^"]*)"/g)].slice(0, 2).map((match) => match[1] ?? '')
    const identity = [
      d.file,
      d.ruleId,
      d.messageId,
      d.server ?? '',
      ...quoted.map((name) => name.replace(/\d+/g, ''))
    ].join('\u0000')
    const occurrence = (seen.get(identity) ?? 0) + 1
    seen.set(identity, occurrence)
    byDiagnostic.set(d, hexDigest('sha256', `${identity}\u0000${occurrence}`).slice(0, 32))
  }
  return diagnostics.map((d) => byDiagnostic.get(d) ?? '')
}
