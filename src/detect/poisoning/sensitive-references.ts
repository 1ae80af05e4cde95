// Sensitive references: secret files named together with an instruction to read or pass them.
import type { PoisonSign } from './sign.js'

interface SensitiveTarget {
  readonly pattern: RegExp
  readonly label: string
}

/** Files an agent can read that hold credentials or MCP client configs (servers, env secrets). */
const SENSITIVE_TARGETS: readonly SensitiveTarget[] = [
  {
    pattern: /(?<![\w.-])(?:~|\$HOME|%USERPROFILE%)?[\\/]?\.ssh(?:[\\/][\w.-]*[\w-])?(?![\w-])/gi,
    label: '~/.ssh'
  },
  {
    pattern: /(?<![A-Za-z0-9])id_(?:rsa|dsa|ecdsa|ed25519)(?![A-Za-z0-9]|\.pub)/gi,
    label: 'an SSH private key file (id_rsa)'
  },
  { pattern: /(?<![\w$.-])\.env(?![A-Za-z0-9_-])/gi, label: 'a .env file' },
  { pattern: /(?<![\w.-])mcp\.json\b/gi, label: 'an MCP client config (mcp.json)' },
  {
    pattern: /(?<![\w.-])claude_desktop_config\.json\b/gi,
    label: 'the Claude Desktop config (claude_desktop_config.json)'
  },
  {
    pattern: /(?<![\w.-])(?:~[\\/])?\.cursor(?:[\\/][\w.-]*[\w-])?(?![\w-])/gi,
    label: 'the Cursor config (~/.cursor)'
  },
  {
    pattern: /(?<![\w.-])(?:~[\\/])?\.claude(?:\.json)?(?![\w-])/gi,
    label: 'the Claude config (~/.claude)'
  },
  {
    pattern: /(?<![\w.-])(?:~[\\/])?\.aws(?:[\\/][\w.-]*[\w-])?(?![\w-])/gi,
    label: 'AWS credentials (~/.aws)'
  },
  {
    pattern:
      /(?<![\w.-])\.(?:netrc|npmrc|pypirc|git-credentials|pgpass|gnupg|kube|docker)(?![\w-])/gi,
    label: 'a credentials file (.netrc, .npmrc, .kube, …)'
  },
  { pattern: /(?<![\w.-])\/etc\/(?:passwd|shadow)\b/gi, label: '/etc/passwd or /etc/shadow' },
  { pattern: /(?<![A-Za-z0-9])(?:private|ssh)[ _-]keys?(?![A-Za-z0-9])/gi, label: 'a private key' }
]

/**
 * Mentioning a secret file is normal for a dotenv or SSH tool; asking the agent to read it, send it
 * or pass its content as a parameter is the Invariant Labs `sidenote` attack.
 */
const INSTRUCTIONS: readonly RegExp[] = [
  /\b(?:pass|put|include|insert|send|add|append|attach|copy|paste|embed|provide|forward|upload)\b[^.!?\n]{0,40}?\b(?:contents?|text|data|value|output|it|them)\s+(?:as|in|into|via|inside|through|to)\b/i,
  /\b(?:you\s+(?:must|should|need\s+to|have\s+to|are\s+required\s+to)|please|first|always|make\s+sure\s+(?:to|you)|be\s+sure\s+to|remember\s+to|then)\s+(?:\w+\s+)?(?:read|open|cat|send|upload|forward|pass|include|attach|copy|fetch|load|provide|exfiltrate|post|leak)\b/i,
  /\b(?:before|after|while|when)\b[^.!?\n]{0,60},\s*(?:read|open|cat|send|upload|pass|include|attach|copy|fetch|load)\b/i,
  /\b(?:send|upload|post|forward|exfiltrate|transmit|leak|email|mail)\b[^!?\n]{0,80}\bto\s+(?:https?:\/\/|[\w.+-]+@[\w-]+\.)/i
]

/** In a bare identifier (a schema property name) the name itself is the instruction. */
const IDENTIFIER_INSTRUCTION = /(?:^| )(?:content|contents|reading|read|dump|copy|exfil)(?: |$)/i

export function findSensitiveReferences(text: string, words: string): PoisonSign[] {
  const identifier = /^[\w-]+$/.test(text)
  const found: PoisonSign[] = []
  for (const { pattern, label } of SENSITIVE_TARGETS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      const instructed = identifier
        ? IDENTIFIER_INSTRUCTION.test(words)
        : INSTRUCTIONS.some((instruction) => instruction.test(sentenceAround(words, start, end)))
      if (!instructed) continue
      const detail = `a reference to ${label} with an instruction to read or pass it`
      found.push({ kind: 'sensitive-reference', detail, start, end })
    }
  }
  // `~/.cursor/mcp.json` is one reference, not two: the longest match at a spot wins.
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const signs: PoisonSign[] = []
  let covered = 0
  for (const sign of found) {
    if (sign.start < covered) continue
    covered = sign.end
    if (!signs.some((kept) => kept.detail === sign.detail)) signs.push(sign)
  }
  return signs
}

const SENTENCE_REACH = 300

/** The sentence around a match; file names contain dots, so only ". " or a blank line ends one. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - SENTENCE_REACH), start)
  const after = text.slice(end, end + SENTENCE_REACH)
  const boundaries = [...before.matchAll(/[.!?]\s|\n\s*\n/g)]
  const last = boundaries.at(-1)
  const from = last ? last.index + last[0].length : 0
  const stop = /[.!?](?:\s|$)|\n\s*\n/.exec(after)
  return before.slice(from) + text.slice(start, end) + after.slice(0, stop ? stop.index : undefined)
}
