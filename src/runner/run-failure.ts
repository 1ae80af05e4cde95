import type { FailureReason } from '../model/tools.js'
import { sanitize, type Tail } from './text.js'

export class Stop extends Error {
  constructor(
    readonly reason: FailureReason,
    detail: string
  ) {
    super(detail)
  }
}

const credentialHints =
  /(token|api[ _-]?key|credential|unauthori[sz]ed|forbidden|\b40[13]\b|access key|secret|password|login|authenticat|fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED)/i

export function classify(
  error: unknown,
  stderr: Tail,
  closed: boolean
): { reason: FailureReason; detail: string } {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown }).code
  const last = stderr.lastLine()
  const because = last === '' ? '' : `; stderr: ${sanitize(last, 200)}`
  if (error instanceof Stop) return { reason: error.reason, detail: sanitize(error.message) }
  if (
    code === 'ENOENT' ||
    /execvp .*No such file|command not found|ENOENT/.test(`${message}\n${stderr.text()}`)
  ) {
    return { reason: 'command-not-found', detail: `the command was not found${because}` }
  }
  if (code === -32001 || /timed out/i.test(message))
    return { reason: 'timeout', detail: `${sanitize(message, 120)}${because}` }
  if (credentialHints.test(`${message}\n${last}`)) {
    return {
      reason: 'needs-credentials',
      detail: `it needs credentials or the network to list tools (${sanitize(message, 120)})${because}`
    }
  }
  if (closed || code === -32000 || /connection closed/i.test(message))
    return { reason: 'exited', detail: `the server exited${because}` }
  return {
    reason: 'protocol-error',
    detail: `${sanitize(describeInvalid(message), 160)}${because}`
  }
}

/** The SDK reports a result that fails its schema as a JSON list of issues: say it in one line. */
function describeInvalid(message: string): string {
  try {
    const issues = JSON.parse(message) as { path?: unknown; message?: unknown }[]
    if (!Array.isArray(issues)) return message
    const first = issues[0]
    const path = Array.isArray(first?.path)
      ? first.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')
      : ''
    const problem = typeof first?.message === 'string' ? first.message : 'invalid'
    return `the server's answer does not follow the MCP schema: ${path} ${problem}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
  } catch {
    return message
  }
}
