import type { Diagnostic } from '../model/diagnostic.js'
import { compareText } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { fingerprintDiagnostics } from '../model/fingerprint.js'

/** Leaked secrets are rotated and removed, never accepted: a baseline does not hold them. */
export const NEVER_BASELINED: ReadonlySet<string> = new Set(['server-secret'])

/** Beside the lockfile: both are what the repository has accepted. */
export const BASELINE_PATH = '.agents/mcp/mcp-lint-baseline.json'

/** One accepted finding: by rule, file, server and fingerprint, never by line. */
export interface BaselineEntry {
  readonly rule: string
  readonly file: string
  readonly server?: string
  readonly fingerprint: string
  /** For the people who review the baseline; matching ignores it. Secret-free, as every message. */
  readonly message: string
}

export interface Baseline {
  readonly baselineVersion: 1
  readonly findings: readonly BaselineEntry[]
}

/** The baseline that accepts exactly these findings. */
export function buildBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const fingerprints = fingerprintDiagnostics(diagnostics)
  const findings = diagnostics.map((d, index) => ({
    rule: d.ruleId,
    file: d.file,
    ...(d.server === undefined ? {} : { server: d.server }),
    fingerprint: fingerprints[index] ?? '',
    message: d.message
  }))
  findings.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.rule, b.rule) ||
      compareText(a.server ?? '', b.server ?? '') ||
      compareText(a.fingerprint, b.fingerprint)
  )
  return { baselineVersion: 1, findings }
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(
    {
      $comment:
        'Findings mcp-lint reports as known: only new ones fail. Written by "mcp-lint init --baseline"; run it again to record the findings anew.',
      ...baseline
    },
    null,
    2
  )}\n`
}

/** Reads a baseline file; anything but one is a usage error naming the file. */
export function parseBaseline(path: string, text: string): Baseline {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new UsageError(
      `${path}: the baseline is not valid JSON (${error instanceof Error ? error.message : 'error'}): run "mcp-lint init --baseline" to rewrite it`
    )
  }
  const record = parsed as { baselineVersion?: unknown; findings?: unknown } | null
  const findings = record?.findings
  if (
    typeof record !== 'object' ||
    record?.baselineVersion !== 1 ||
    !Array.isArray(findings) ||
    !findings.every(isEntry)
  )
    throw new UsageError(
      `${path}: not an mcp-lint baseline (baselineVersion 1 with "findings", each with rule, file, fingerprint and message): run "mcp-lint init --baseline" to rewrite it`
    )
  return { baselineVersion: 1, findings }
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.rule === 'string' &&
    typeof entry.file === 'string' &&
    typeof entry.fingerprint === 'string' &&
    typeof entry.message === 'string' &&
    (entry.server === undefined || typeof entry.server === 'string')
  )
}

/**
 * Splits findings into new and known. Each baseline entry accepts one finding: two findings the
 * baseline has one of leave one new.
 */
export function applyBaseline(
  diagnostics: readonly Diagnostic[],
  baseline: Baseline
): { readonly fresh: Diagnostic[]; readonly known: Diagnostic[] } {
  const key = (rule: string, file: string, server: string | undefined, fingerprint: string) =>
    [rule, file, server ?? '', fingerprint].join('\u0000')
  const accepted = new Map<string, number>()
  for (const entry of baseline.findings) {
    const id = key(entry.rule, entry.file, entry.server, entry.fingerprint)
    accepted.set(id, (accepted.get(id) ?? 0) + 1)
  }
  const fingerprints = fingerprintDiagnostics(diagnostics)
  const fresh: Diagnostic[] = []
  const known: Diagnostic[] = []
  diagnostics.forEach((d, index) => {
    const id = key(d.ruleId, d.file, d.server, fingerprints[index] ?? '')
    const left = accepted.get(id) ?? 0
    // A hand-written entry cannot accept a leaked secret either.
    if (left > 0 && !NEVER_BASELINED.has(d.ruleId)) {
      accepted.set(id, left - 1)
      known.push(d)
    } else fresh.push(d)
  })
  return { fresh, known }
}
