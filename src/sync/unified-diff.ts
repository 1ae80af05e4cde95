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

/** Line diff on the longest common subsequence; config files are small. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] ?? []
      row[j] =
        a[i] === b[j]
          ? (table[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const ops: Op[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: 'same', text: a[i] ?? '', a: i, b: j })
      i++
      j++
    } else if (
      i < a.length &&
      (j >= b.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))
    ) {
      // Removals before additions, as diff(1) prints them.
      ops.push({ kind: 'remove', text: a[i] ?? '', a: i, b: j })
      i++
    } else {
      ops.push({ kind: 'add', text: b[j] ?? '', a: i, b: j })
      j++
    }
  }
  return ops
}
