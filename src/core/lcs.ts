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
