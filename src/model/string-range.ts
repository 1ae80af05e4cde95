import type { Location, SourceText } from './location.js'
import type { StringNode } from './tree.js'

/**
 * The location of `value.slice(start, end)` inside a string literal, accounting for quotes and
 * escapes, so a finding can point at one reference inside a long argument. Falls back to the whole
 * literal where the mapping is not exact (multi-line basic TOML strings trim line continuations).
 */
export function locateInString(
  source: SourceText,
  node: StringNode,
  start: number,
  end: number
): Location {
  const literal = node.location
  const raw = source.text.slice(literal.offset, literal.offset + literal.length)
  const offsets = rawOffsets(raw, node.style)
  // YAML folds line breaks inside flow scalars: a mapping that does not add up is not used.
  if (offsets !== undefined && offsets.length !== node.value.length + 1) return literal
  const from = offsets?.[start]
  const to = offsets?.[end]
  if (from === undefined || to === undefined) return literal
  return source.locate(literal.offset + from, to - from)
}

/** For each decoded UTF-16 index (and one past the end), the offset in the raw literal. */
function rawOffsets(raw: string, style: StringNode['style']): number[] | undefined {
  switch (style) {
    case 'toml-bare':
    case 'yaml-plain':
      return identity(0, raw.length)
    case 'yaml-single':
      return raw.includes("''") ? undefined : identity(1, raw.length - 1)
    case 'toml-literal':
      return identity(1, raw.length - 1)
    case 'toml-multiline-literal':
      return identity(3 + leadingNewline(raw, 3), raw.length - 3)
    case 'json':
    case 'toml-basic':
    case 'yaml-double':
      return escaped(raw, 1, raw.length - 1)
    case 'toml-multiline-basic':
    case 'derived':
      return undefined
  }
}

function leadingNewline(raw: string, at: number): number {
  return raw.startsWith('\r\n', at) ? 2 : raw[at] === '\n' ? 1 : 0
}

function identity(from: number, to: number): number[] {
  const offsets: number[] = []
  for (let index = from; index <= to; index++) offsets.push(index)
  return offsets
}

function escaped(raw: string, from: number, to: number): number[] | undefined {
  const offsets: number[] = []
  let index = from
  while (index < to) {
    if (raw[index] !== '\\') {
      offsets.push(index)
      index++
      continue
    }
    const marker = raw[index + 1]
    const width = marker === 'u' ? 6 : marker === 'U' ? 10 : marker === 'x' ? 4 : 2
    const units =
      marker === 'U'
        ? String.fromCodePoint(parseInt(raw.slice(index + 2, index + 10), 16) || 0).length
        : 1
    for (let unit = 0; unit < units; unit++) offsets.push(index)
    index += width
  }
  if (index !== to) return undefined
  offsets.push(to)
  return offsets
}
