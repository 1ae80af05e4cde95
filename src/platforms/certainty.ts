/**
 * How sure the research is of a platform fact (../shared/docs/platforms.md marks doubtful ones ❓).
 * Findings that rest on an unconfirmed fact are one severity level milder (error → warning → notice).
 */
export type Certainty = 'confirmed' | 'unconfirmed'
