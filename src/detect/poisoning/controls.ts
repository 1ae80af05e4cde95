// ANSI escapes and control characters
import { codePointLabel, times } from './describe.js'
import type { PoisonSign } from './sign.js'

/* eslint-disable no-control-regex -- these patterns exist to match escape sequences */
const CSI = /\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]/y
const OSC = /\x1b\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)/y
const SHORT_ESCAPE = /\x1b[@-_]/y
/* eslint-enable no-control-regex */

export function findControls(text: string): PoisonSign[] {
  let escape: PoisonSign | undefined
  let escapes = 0
  let control: { start: number; code: number } | undefined
  let controls = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x1b) {
      escapes++
      const length = escapeLength(text, index)
      escape ??= {
        kind: 'ansi-escape',
        detail: describeEscape(text.slice(index, index + length)),
        start: index,
        end: index + length
      }
      index += length - 1
    } else if (isControl(code)) {
      controls++
      control ??= { start: index, code }
    }
  }
  const signs: PoisonSign[] = []
  if (escape) {
    signs.push({ ...escape, detail: `${escape.detail}${times(escapes)}` })
  }
  if (control) {
    signs.push({
      kind: 'ansi-escape',
      detail: `the control character ${codePointLabel(control.code)}${times(controls)}`,
      start: control.start,
      end: control.start + 1
    })
  }
  return signs
}

function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

function escapeLength(text: string, index: number): number {
  for (const pattern of [CSI, OSC, SHORT_ESCAPE]) {
    pattern.lastIndex = index
    const match = pattern.exec(text)
    if (match) return match[0].length
  }
  return 1
}

function describeEscape(sequence: string): string {
  // CSI parameter, intermediate and final bytes are printable ASCII by construction.
  if (sequence.startsWith('\x1b[')) return `the ANSI escape sequence ESC${sequence.slice(1)}`
  if (sequence.startsWith('\x1b]')) return 'an ANSI operating-system command (ESC ])'
  if (sequence.length === 2) return `the escape sequence ESC ${sequence.slice(1)}`
  return 'the escape character U+001B'
}
