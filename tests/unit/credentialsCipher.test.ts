import { randomBytes } from 'node:crypto'

import { decryptSecret, encryptSecret } from '../../projects/credentialsCipher'

const key = randomBytes(32).toString('hex')

describe('credentials cipher (AES-256-GCM)', () => {
  it('round-trips unicode secrets', () => {
    for (const secret of ['', 'p@ss', 'kata-sandi 🔐 rahasia', 'x'.repeat(500)]) {
      expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret)
    }
  })

  it('produces different ciphertexts for the same secret (random IV)', () => {
    expect(encryptSecret('sama', key)).not.toBe(encryptSecret('sama', key))
  })

  it('refuses a tampered ciphertext (authentication tag)', () => {
    const [prefix, iv, tag, body] = encryptSecret('rahasia', key).split(':') as [string, string, string, string]
    const flipped = Buffer.from(body, 'base64')
    flipped[0] = flipped[0]! ^ 0xff
    expect(() => decryptSecret([prefix, iv, tag, flipped.toString('base64')].join(':'), key)).toThrow()
  })

  it('refuses the wrong key', () => {
    const stored = encryptSecret('rahasia', key)
    expect(() => decryptSecret(stored, randomBytes(32).toString('hex'))).toThrow()
  })

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptSecret('x', 'abcd')).toThrow(/32 bytes/)
  })
})
