import fs from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'

import type { AppConfig } from './env'

/**
 * SMTP when SMTP_HOST is set. Otherwise (the demo) every message is written as an .eml
 * file under DATA_DIR/mail so it can be opened and read; nothing tries the internet.
 */
export function emailTransport(config: AppConfig): Transporter {
  if (config.SMTP_HOST) {
    return nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASS ?? '' } : undefined,
    })
  }
  const folder = path.join(config.DATA_DIR, 'mail')
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  const send = stream.sendMail.bind(stream)
  stream.sendMail = (async (message: nodemailer.SendMailOptions) => {
    const info = await send(message)
    fs.mkdirSync(folder, { recursive: true })
    const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^a-zA-Z0-9]/g, '')}.eml`)
    fs.writeFileSync(file, info.message as Buffer)
    return { ...info, file }
  }) as typeof stream.sendMail
  return stream
}
