'use client'

import { useState } from 'react'

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true)
          setTimeout(() => setCopied(false), 2_000)
        })
      }}
      aria-label={`Salin ${label}`}
    >
      {copied ? 'Tersalin ✓' : 'Salin'}
    </button>
  )
}
