// Injection phrases: agent-directed instructions from the published PoCs.
import type { PoisonSign } from './sign.js'

interface Phrase {
  readonly pattern: RegExp
  readonly label: string
}

/**
 * Agent-directed instructions from the published PoCs. Each is anchored on wording ordinary tool
 * documentation does not use: "you must provide a path" or "without confirmation" stay quiet.
 */
const PHRASES: readonly Phrase[] = [
  {
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|former|original|system)\s+(?:instructions?|prompts?|rules|directions|guidelines|messages?)\b/i,
    label: 'the phrase "ignore previous instructions"'
  },
  // `\u2019` is the typographic apostrophe, escaped to keep the bundle ASCII (scripts/build.mjs).
  {
    pattern:
      /\b(?:do\s+not|don['\u2019]?t|never|you\s+must\s+not)\s+(?:tell|mention|inform|notify|alert|reveal|disclose|show|warn)\s+(?:(?:this|that|it|anything|any\s+of\s+this)\s+)?(?:to\s+)?the\s+user\b(?!['\u2019]s)/i,
    label: 'the phrase "do not tell the user"'
  },
  {
    pattern:
      /\b(?:(?:do\s+not|don['\u2019]?t|never)\s+let\s+the\s+user\s+know|without\s+(?:telling|informing|notifying)\s+the\s+user)\b/i,
    label: 'the phrase "do not tell the user"'
  },
  {
    pattern:
      /\b(?:do\s+not|don['\u2019]?t|never)\s+(?:mention|reveal|disclose)\s+(?:that|this|it)\s+you\b/i,
    label: 'the phrase "do not mention that you …"'
  },
  {
    pattern:
      /\bbefore\s+(?:using|calling|invoking|running|executing)\s+(?:this|the|any\s+other|any)\s+(?:tool|function)\b[^.!?]{0,80}?\b(?:read|pass|send|include|upload|attach|forward|cat)\b/i,
    label: 'the phrase "before using this tool, read …"'
  },
  {
    pattern:
      /\botherwise\s+(?:the|this)\s+tool\s+(?:will\s+not|won['\u2019]?t|does\s+not|doesn['\u2019]?t|cannot|can['\u2019]?t)\s+work\b/i,
    label: 'the phrase "otherwise the tool will not work"'
  },
  {
    pattern:
      /\bthis\s+is\s+(?:(?:very|extremely|really|super)\s+)+important\b|\b(?:very\s+){2,}important\b/i,
    label: 'the phrase "this is very important"'
  },
  {
    pattern:
      /\bside[\s-]+effects?\s+on\s+(?:the\s+|any\s+|all\s+|other\s+)?(?:[\w.-]+\s+){0,4}?(?:tools?|functions?)\b/i,
    label: 'the phrase "side effect on the … tool"'
  },
  {
    pattern: /\bwhen\s+this\s+tool\s+is\s+(?:available|present|loaded|installed|enabled|active)\b/i,
    label: 'the phrase "when this tool is available"'
  },
  {
    pattern: /\byou\s+must\s+(?:always\s+|now\s+)?(?:ignore|disregard|forget|override|bypass)\b/i,
    label: 'the phrase "you must ignore …"'
  },
  {
    pattern:
      /\b(?:must|should|always)\s+(?:also\s+)?(?:send|forward|bcc|cc|copy|redirect|route)\b[^.!?\n]{0,60}?\bto\s+(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/|\+?\d[\d -]{6,})/i,
    label: 'an instruction to send data to a fixed address'
  },
  {
    pattern: /\bchange\s+the\s+recipient\s+to\b/i,
    label: 'the phrase "change the recipient to"'
  },
  {
    pattern: /\b(?:upset|scare|alarm)\s+the\s+user\b/i,
    label: 'the phrase "upset the user"'
  },
  {
    pattern: /\b(?:reveal|print|output|repeat|show)\s+(?:your|the)\s+system\s+prompt\b/i,
    label: 'the phrase "reveal the system prompt"'
  }
]

export function findInjectionPhrases(words: string): PoisonSign[] {
  const signs = new Map<string, PoisonSign>()
  for (const { pattern, label } of PHRASES) {
    const match = pattern.exec(words)
    if (match === null) continue
    const start = match.index
    const end = start + match[0].length
    const known = signs.get(label)
    if (known && known.start <= start) continue
    signs.set(label, { kind: 'injection-phrase', detail: label, start, end })
  }
  return [...signs.values()]
}
