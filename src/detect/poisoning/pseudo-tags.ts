// Pseudo-tags: `<IMPORTANT>`, `[INST]`, chat-template tokens.
import { describeSafely } from './describe.js'
import type { PoisonSign } from './sign.js'

/**
 * mcp-scan's `<IMPORTANT>` policy, widened to the other tags and chat-template tokens models are
 * trained to obey. Placeholders like `<user>` or `<secret>` stay out: documentation uses them.
 */
const PSEUDO_TAG = new RegExp(
  [
    String.raw`<\s{0,3}\/?\s{0,3}(?:important|system|sys|instructions?|critical|urgent|` +
      String.raw`system[-_ ]?(?:prompt|message|reminder|instructions?|override|note)|` +
      String.raw`(?:hidden|secret|admin|ai|assistant|agent)[-_ ](?:instructions?|note|prompt))\s{0,3}>`,
    String.raw`\[\/?INST\]`,
    String.raw`<<\/?SYS>>`,
    String.raw`<\|[a-z_]{2,30}\|>`,
    String.raw`<\/?(?:start|end)_of_turn>`
  ].join('|'),
  'gi'
)

export function findPseudoTags(text: string): PoisonSign[] {
  const signs = new Map<string, PoisonSign>()
  for (const match of text.matchAll(PSEUDO_TAG)) {
    // Closing and opening forms are one sign; the label is rebuilt from the ASCII-only match.
    const tag = match[0].replace(/\s+/g, '').replace(/^(<<?|\[|<)\//, '$1')
    const key = tag.toLowerCase()
    if (signs.has(key)) continue
    signs.set(key, {
      kind: 'pseudo-tag',
      detail: `the pseudo-tag ${describeSafely(tag, 40)}`,
      start: match.index,
      end: match.index + match[0].length
    })
  }
  return [...signs.values()]
}
