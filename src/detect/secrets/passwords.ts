// Passwords: a human-chosen value under a password-named key or flag, which no entropy bar finds.
import { type Candidate, rankContext } from './candidate.js'
import { looksLikePath } from './named-secrets.js'
import { defaultPasswords, isPlaceholder } from './placeholders.js'
import { normalizeName } from './secret-names.js'
import { findTemplateSpans, literalChunks } from './templates.js'

/**
 * Names that hold a password, normalised to lower snake case: `DB_PASSWORD`, `PGPASSWORD`,
 * `MYSQL_PWD`, `--password`, `redisPass`, `SMTP_PASSPHRASE`. The password word ends the name: a
 * `password_file` or `pass_through` holds something else.
 */
const passwordName = /(?:^|_)(?:password|passwd|pass|pwd|passphrase)$|^(?:pg|mysql|redis)password$/

/**
 * A literal password under a password-named key, as gitleaks' and detect-secrets' keyword rules
 * find them: anything but a placeholder, a reference, a URL or path, or a default password (local
 * development, not a leak). Medium confidence, a warning: the name, not the value, says "secret".
 */
export function findPasswords(value: string, key: string | undefined): Candidate[] {
  if (key === undefined || !passwordName.test(normalizeName(key))) return []
  const candidates: Candidate[] = []
  for (const [chunkStart, chunkEnd] of literalChunks(0, value.length, findTemplateSpans(value))) {
    const raw = value.slice(chunkStart, chunkEnd)
    const text = raw.trim()
    if (!looksLikePassword(text)) continue
    const start = chunkStart + raw.indexOf(text)
    candidates.push({
      detector: 'password',
      kind: 'password under a password-named key',
      confidence: 'medium',
      start,
      end: start + text.length,
      text,
      rank: rankContext + 1
    })
  }
  return candidates
}

function looksLikePassword(text: string): boolean {
  if (text.length < 4 || text.length > 256) return false
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) || looksLikePath(text)) return false
  if (isPlaceholder(text)) return false
  return !defaultPasswords.has(text.toLowerCase())
}
