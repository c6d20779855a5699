import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM for the credentials of finished sites. Stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64); the version leaves room for key rotation.
 */
const PREFIX = 'v1'

function keyFromHex(hexKey: string): Buffer {
  const key = Buffer.from(hexKey, 'hex')
  if (key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes (64 hex characters)')
  return key
}

export function encryptSecret(plaintext: string, hexKey: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFromHex(hexKey), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':')
}

export function decryptSecret(stored: string, hexKey: string): string {
  const [prefix, iv, tag, ciphertext] = stored.split(':')
  if (prefix !== PREFIX || !iv || !tag || ciphertext === undefined) throw new Error('not an encrypted credential')
  const decipher = createDecipheriv('aes-256-gcm', keyFromHex(hexKey), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8')
}
