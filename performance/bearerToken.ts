import { createHash, timingSafeEqual } from 'node:crypto'

export type TokenCheck = 'ok' | 'missing' | 'wrong'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * Compares an `Authorization: Bearer …` header with the expected token in constant time:
 * both are hashed first, so neither the comparison nor an early length check tells how
 * much of a guess was right.
 */
export function checkBearerToken(header: string | undefined, expected: string): TokenCheck {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')
  if (!match) return 'missing'
  return timingSafeEqual(digest(match[1]!), digest(expected)) ? 'ok' : 'wrong'
}
