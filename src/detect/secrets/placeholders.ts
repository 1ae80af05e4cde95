// Placeholders (§1.6): values that stand for a secret without being one.
import { entropy } from '../mask.js'
import { findTemplateSpans, removeSpans } from './templates.js'

/** A set from a space-separated list (words, hashes). */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '))
}

/** Whole-value templates: references in every client syntax and the usual "fill this in" shapes. */
const wholeTemplates = [
  /^\$\{[^{}]{0,200}\}$/, // ${VAR}, ${VAR:-default}, ${env:VAR}, ${input:id}, ${workspaceFolder}
  /^\$[A-Za-z_][A-Za-z0-9_]{0,200}$/, // $VAR (Gemini CLI)
  /^\{\{[^{}]{0,200}\}\}$/, // {{token}}
  /^\$\{\{[^{}]{0,200}\}\}$/, // ${{ secrets.TOKEN }}
  /^%[A-Za-z_][A-Za-z0-9_]{0,200}%$/, // %TOKEN%
  /^\$\([^()]{0,200}\)$/, // $(command)
  /^__[A-Za-z0-9_]{1,200}__$/, // __TEMPLATE_TOKEN__
  /^<[^<>]{1,200}>$/, // <your-token>
  /^\[[^[\]]{1,200}\]$/, // [API_KEY], [REDACTED_API_KEY]
  /^\{[A-Za-z_][A-Za-z0-9_.:-]{0,200}\}$/ // {FIRECRAWL_API_KEY}, {env:NAME}
]

/** Whole values that stand for "nothing here yet", compared lower-case without separators. */
const placeholderWords = wordSet(
  'changeme replaceme todo tbd fixme none null nil undefined true false redacted secret secrets password passwd pass pwd token apikey apitoken accesstoken authtoken secretkey key value placeholder empty default test testing unset notset required optional string mypassword mysecret mytoken myapikey'
)

/**
 * Fragments that no real token carries but templates do (gitleaks-style stopwords, kept short).
 * `\u2026` is the ellipsis: non-ASCII characters in a regular expression are written as escapes,
 * which keeps the bundle ASCII (scripts/build.mjs refuses anything else).
 */
const placeholderFragments =
  /your|example|placeholder|dummy|sample|fake|test123|replace|changeme|change_me|change-me|redacted|insert|paste|xxxx|\*\*\*|\.\.\.|\u2026|(?:^|[^a-z])here(?:[^a-z]|$)|(?:^|[^a-z])todo(?:[^a-z]|$)/

/** Fragments that rule out a provider token's random part (a subset: test/here occur in real prefixes). */
const fillerFragments =
  /your|example|placeholder|dummy|sample|fake|redacted|replace|insert|paste|xxxx/i

/** Pages where one gets a key, pasted instead of the key (`https://github.com/settings/tokens`). */
const keyPageUrl =
  /^https?:\/\/[^\s/?#@]{1,255}(?:\/[^\s?#@]{0,500})?\/(?:settings|tokens?|keys|api-?keys?|api_keys|apis|account|credentials|dashboard|console|developers?|integrations|security)(?:\/[^\s?#@]{0,200})?$/i

/** Passwords that say "local dev" rather than "leak" when the host is local (secretlint's list, extended). */
export const defaultPasswords = wordSet(
  'password pass passwd postgres root admin secret test guest mysql redis mongo changeme example dev local default docker demo user sa toor qwerty letmein minioadmin rabbitmq 1234 123456 12345678 pass123 password1 password123 admin123 root123'
)

/** Whether a value is a placeholder or reference rather than a secret (§1.6), exported for tests and other rules. */
export function isPlaceholder(value: string): boolean {
  const text = value.trim().replace(/^(?:bearer|token|basic)[ \t]+/i, '')
  if (text === '') return true
  if (wholeTemplates.some((template) => template.test(text))) return true
  const templates = findTemplateSpans(text)
  if (templates.length > 0) return !hasSecretShapedLiteral(removeSpans(text, templates))
  const lower = text.toLowerCase()
  if (placeholderWords.has(lower.replace(/[\s_.-]+/g, ''))) return true
  if (placeholderFragments.test(lower)) return true
  if (/^\d+$/.test(text)) return true
  if (new Set(text).size <= 3) return true
  if (/EXAMPLE(?:KEY)?$/.test(text)) return true // AWS documentation keys (gitleaks `.+EXAMPLE$`)
  if (isSequential(text)) return true
  return keyPageUrl.test(text)
}

/** Whether what is left around references could still be a secret: a long, random-looking run. */
function hasSecretShapedLiteral(literal: string): boolean {
  for (const match of literal.matchAll(/[A-Za-z0-9+/=_.~-]{16,}/g)) {
    const run = match[0]
    if (entropy(run) >= 3 && !isPlaceholder(run)) return true
  }
  return false
}

/** `1234567890`, `abcdefghij…`: mostly ascending neighbours. Random text has ~2% of them. */
function isSequential(text: string): boolean {
  if (text.length < 8) return false
  let ascending = 0
  for (let index = 1; index < text.length; index++) {
    const step = text.charCodeAt(index) - text.charCodeAt(index - 1)
    if (step === 1 || (text[index - 1] === '9' && text[index] === '0')) ascending++
  }
  return ascending / (text.length - 1) >= 0.6
}

/** A provider token's random part is filler: too few symbols, too little entropy, or template words. */
export function isFiller(random: string, minEntropy: number): boolean {
  return (
    new Set(random).size <= 3 ||
    entropy(random) < minEntropy ||
    fillerFragments.test(random) ||
    isSequential(random)
  )
}
