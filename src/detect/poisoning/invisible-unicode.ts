// Invisible Unicode: tag characters, zero-width and bidi controls, selectors, fillers.
import { codePointLabel, times } from './describe.js'
import type { PoisonSign } from './sign.js'

type InvisibleGroup = 'tag' | 'zero-width' | 'soft-hyphen' | 'bidi' | 'selector' | 'filler'

interface InvisibleRange {
  readonly from: number
  readonly to: number
  readonly group: InvisibleGroup
  readonly name: string
}

const INVISIBLE_RANGES: readonly InvisibleRange[] = [
  { from: 0x00ad, to: 0x00ad, group: 'soft-hyphen', name: 'soft hyphen' },
  { from: 0x115f, to: 0x1160, group: 'filler', name: 'Hangul filler' },
  { from: 0x200b, to: 0x200b, group: 'zero-width', name: 'zero-width space' },
  { from: 0x200c, to: 0x200c, group: 'zero-width', name: 'zero-width non-joiner' },
  { from: 0x200d, to: 0x200d, group: 'zero-width', name: 'zero-width joiner' },
  { from: 0x202a, to: 0x202a, group: 'bidi', name: 'left-to-right embedding' },
  { from: 0x202b, to: 0x202b, group: 'bidi', name: 'right-to-left embedding' },
  { from: 0x202c, to: 0x202c, group: 'bidi', name: 'pop directional formatting' },
  { from: 0x202d, to: 0x202d, group: 'bidi', name: 'left-to-right override' },
  { from: 0x202e, to: 0x202e, group: 'bidi', name: 'right-to-left override' },
  { from: 0x2060, to: 0x2060, group: 'zero-width', name: 'word joiner' },
  { from: 0x2061, to: 0x2064, group: 'zero-width', name: 'invisible operator' },
  { from: 0x2066, to: 0x2066, group: 'bidi', name: 'left-to-right isolate' },
  { from: 0x2067, to: 0x2067, group: 'bidi', name: 'right-to-left isolate' },
  { from: 0x2068, to: 0x2068, group: 'bidi', name: 'first strong isolate' },
  { from: 0x2069, to: 0x2069, group: 'bidi', name: 'pop directional isolate' },
  { from: 0x3164, to: 0x3164, group: 'filler', name: 'Hangul filler' },
  { from: 0xfe00, to: 0xfe0f, group: 'selector', name: 'variation selector' },
  { from: 0xfeff, to: 0xfeff, group: 'zero-width', name: 'zero-width no-break space' },
  { from: 0xffa0, to: 0xffa0, group: 'filler', name: 'Hangul filler' },
  { from: 0xe0000, to: 0xe007f, group: 'tag', name: 'Unicode tag character' },
  { from: 0xe0100, to: 0xe01ef, group: 'selector', name: 'variation selector supplement' }
]

const EMOJI = /\p{Emoji}/u
const PICTOGRAPH = /\p{Extended_Pictographic}/u
const IDEOGRAPH = /\p{Ideographic}/u
const MATH_SYMBOL = /\p{Sm}/u
/** Scripts whose spelling needs ZWJ/ZWNJ (Persian ZWNJ, Indic conjunct control). */
const JOINING_SCRIPT =
  /[\p{scx=Arab}\p{scx=Syrc}\p{scx=Nkoo}\p{scx=Mong}\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}]/u

interface CodePoint {
  readonly code: number
  readonly char: string
  readonly index: number
}

function codePoints(text: string): CodePoint[] {
  const points: CodePoint[] = []
  let index = 0
  for (const char of text) {
    points.push({ code: char.codePointAt(0) ?? 0, char, index })
    index += char.length
  }
  return points
}

function invisibleRange(code: number): InvisibleRange | undefined {
  if (code < 0x00ad) return undefined
  return INVISIBLE_RANGES.find((range) => code >= range.from && code <= range.to)
}

function isSelector(code: number | undefined): boolean {
  return code !== undefined && invisibleRange(code)?.group === 'selector'
}

/** Indices (into `points`) of tag characters that spell a real subdivision flag such as 🏴 England. */
function flagTagIndices(points: readonly CodePoint[]): Set<number> {
  const allowed = new Set<number>()
  points.forEach((point, at) => {
    if (point.code !== 0x1f3f4) return
    let next = at + 1
    while (next < points.length && next - at <= 6 && isFlagTag(points[next]?.code ?? 0)) next++
    const letters = next - at - 1
    if (letters < 2 || letters > 6 || points[next]?.code !== 0xe007f) return
    for (let tag = at + 1; tag <= next; tag++) allowed.add(tag)
  })
  return allowed
}

function isFlagTag(code: number): boolean {
  return (code >= 0xe0030 && code <= 0xe0039) || (code >= 0xe0061 && code <= 0xe007a)
}

/** Whether an invisible character is doing its legitimate job at this spot. */
function isExpected(points: readonly CodePoint[], at: number): boolean {
  const point = points[at]
  if (point === undefined) return false
  const previous = points[at - 1]
  const next = points[at + 1]
  const code = point.code
  if (code === 0xfeff) return at === 0
  if (code === 0x200c || code === 0x200d) {
    if (previous && next && JOINING_SCRIPT.test(previous.char) && JOINING_SCRIPT.test(next.char))
      return true
    return code === 0x200d && joinsEmoji(points, at)
  }
  // One selector per base character; a run of them after one emoji is the smuggling trick.
  if (previous === undefined || isSelector(previous.code)) return false
  if (code === 0xfe0e || code === 0xfe0f) return EMOJI.test(previous.char)
  if (code >= 0xfe00 && code <= 0xfe0d)
    return IDEOGRAPH.test(previous.char) || MATH_SYMBOL.test(previous.char)
  if (code >= 0xe0100 && code <= 0xe01ef) return IDEOGRAPH.test(previous.char)
  return false
}

/** ZWJ between two pictographs, allowing a VS16 or skin tone on the left (👨🏽‍💻, 🏳️‍🌈). */
function joinsEmoji(points: readonly CodePoint[], at: number): boolean {
  let left = at - 1
  while (left >= 0 && isEmojiModifier(points[left]?.code ?? 0)) left--
  const before = points[left]
  const after = points[at + 1]
  return (
    before !== undefined &&
    after !== undefined &&
    PICTOGRAPH.test(before.char) &&
    PICTOGRAPH.test(after.char)
  )
}

function isEmojiModifier(code: number): boolean {
  return code === 0xfe0f || (code >= 0x1f3fb && code <= 0x1f3ff)
}

interface InvisibleFinding {
  readonly first: CodePoint
  readonly range: InvisibleRange
  end: number
  count: number
  runOpen: boolean
}

export function findInvisibleUnicode(text: string): PoisonSign[] {
  const points = codePoints(text)
  const flags = flagTagIndices(points)
  const groups = new Map<InvisibleGroup, InvisibleFinding>()
  let previousGroup: InvisibleGroup | undefined
  points.forEach((point, at) => {
    const range = invisibleRange(point.code)
    const flagged = range !== undefined && !flags.has(at) && !isExpected(points, at)
    if (!flagged) {
      previousGroup = undefined
      return
    }
    const found = groups.get(range.group)
    if (found === undefined) {
      groups.set(range.group, {
        first: point,
        range,
        end: point.index + point.char.length,
        count: 1,
        runOpen: true
      })
    } else {
      found.count++
      // The span covers the first contiguous run, e.g. a whole smuggled tag sentence.
      if (found.runOpen && previousGroup === range.group)
        found.end = point.index + point.char.length
      else found.runOpen = false
    }
    previousGroup = range.group
  })
  return [...groups.values()].map((found) => ({
    kind: 'invisible-unicode',
    detail: `${codePointLabel(found.first.code)} (${found.range.name})${times(found.count)}`,
    start: found.first.index,
    end: found.end
  }))
}
