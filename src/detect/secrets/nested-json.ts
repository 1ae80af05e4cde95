// Nested JSON (Notion's OPENAPI_MCP_HEADERS and friends)
import { isRecord } from '../../util/is-record.js'
import type { Candidate } from './candidate.js'

/** The whole detector, passed in so that string values inside the JSON are scanned like any other. */
export type CollectCandidates = (
  value: string,
  key: string | undefined,
  budget: number
) => Candidate[]

const maxJsonDepth = 5
const maxNestedJsonLength = 256 * 1024

export function findInNestedJson(
  value: string,
  budget: number,
  collectCandidates: CollectCandidates
): Candidate[] {
  if (budget <= 0 || value.length > maxNestedJsonLength) return []
  const trimmed = value.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    // Not JSON after all; the message would quote the input, so it is dropped.
    return []
  }
  const candidates: Candidate[] = []
  const visit = (node: unknown, key: string | undefined, depth: number): void => {
    if (typeof node === 'string') {
      for (const candidate of collectCandidates(node, key, budget - 1))
        candidates.push(relocate(candidate, value))
    } else if (Array.isArray(node) && depth < maxJsonDepth) {
      node.forEach((item: unknown, index) => {
        const previous: unknown = node[index - 1]
        const flag = typeof previous === 'string' && previous.startsWith('-') ? previous : key
        visit(item, flag, depth + 1)
      })
    } else if (isRecord(node) && depth < maxJsonDepth) {
      for (const [name, child] of Object.entries(node)) visit(child, name, depth + 1)
    }
  }
  visit(parsed, undefined, 0)
  return candidates
}

function relocate(candidate: Candidate, outer: string): Candidate {
  const at = outer.indexOf(candidate.text)
  return at === -1
    ? { ...candidate, start: 0, end: outer.length }
    : { ...candidate, start: at, end: at + candidate.text.length }
}
