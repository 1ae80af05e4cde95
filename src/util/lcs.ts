/**
 * Index pairs of a longest common subsequence of two lists, in order. Quadratic, for the short
 * lists it serves (a server's args, a config file's lines); past `limit` cells it pairs equal
 * items at equal indexes only.
 */
export function commonSubsequence<T>(
  a: readonly T[],
  b: readonly T[],
  limit = 4_000_000
): [number, number][] {
  // Equal heads and tails pair up as they are (a prefix and suffix of every LCS can be so chosen):
  // lists that differ in one place cost a scan, not a table.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  if (head > 0 || tail > 0) {
    const middle = commonSubsequence(
      a.slice(head, a.length - tail),
      b.slice(head, b.length - tail),
      limit
    ).map(([i, j]): [number, number] => [i + head, j + head])
    const prefix = Array.from({ length: head }, (_, i): [number, number] => [i, i])
    const suffix = Array.from({ length: tail }, (_, k): [number, number] => [
      a.length - tail + k,
      b.length - tail + k
    ])
    return [...prefix, ...middle, ...suffix]
  }
  if ((a.length + 1) * (b.length + 1) > limit) {
    return a.flatMap((value, index) =>
      b[index] === value ? [[index, index] as [number, number]] : []
    )
  }
  const width = b.length + 1
  const table = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++
    else j++
  }
  return pairs
}
