import { commonSubsequence } from '../util/lcs.js'

/** A unified diff of two texts (3 lines of context), for `sync --check`. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = splitLines(before)
  const b = splitLines(after)
  const ops = diffLines(a, b)
  const hunks: string[] = []
  let index = 0
  while (index < ops.length) {
    if (ops[index]?.kind === 'same') {
      index++
      continue
    }
    const start = Math.max(0, index - 3)
    let end = index
    // Extend the hunk while changes are at most 6 lines apart.
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== 'same') end++
      let gap = end
      while (gap < ops.length && ops[gap]?.kind === 'same') gap++
      if (gap < ops.length && gap - end <= 6) end = gap
      else break
    }
    const stop = Math.min(ops.length, end + 3)
    const slice = ops.slice(start, stop)
    const aStart = (ops[start]?.a ?? a.length) + 1
    const bStart = (ops[start]?.b ?? b.length) + 1
    const aCount = slice.filter((op) => op.kind !== 'add').length
    const bCount = slice.filter((op) => op.kind !== 'remove').length
    hunks.push(
      `@@ -${aCount === 0 ? aStart - 1 : aStart},${aCount} +${bCount === 0 ? bStart - 1 : bStart},${bCount} @@`
    )
    for (const op of slice)
      hunks.push(`${op.kind === 'add' ? '+' : op.kind === 'remove' ? '-' : ' '}${op.text}`)
    index = stop
  }
  if (hunks.length === 0) return ''
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n') + '\n'
}

interface Op {
  readonly kind: 'same' | 'add' | 'remove'
  readonly text: string
  /** Line indexes (0-based) in the old and new text at this op. */
  readonly a: number
  readonly b: number
}

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** Line diff on the longest common subsequence, removals before additions as diff(1) prints them. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = []
  let i = 0
  let j = 0
  for (const [ai, bj] of [...commonSubsequence(a, b), [a.length, b.length] as const]) {
    for (; i < ai; i++) ops.push({ kind: 'remove', text: a[i] ?? '', a: i, b: j })
    for (; j < bj; j++) ops.push({ kind: 'add', text: b[j] ?? '', a: i, b: j })
    if (ai < a.length && bj < b.length) {
      ops.push({ kind: 'same', text: a[ai] ?? '', a: ai, b: bj })
      i = ai + 1
      j = bj + 1
    }
  }
  return ops
}
