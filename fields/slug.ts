import type { FieldHook, TextField } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
}

const fillFromTitle: FieldHook = ({ value, data }) => {
  if (typeof value === 'string' && value.length > 0) return value
  return typeof data?.title === 'string' ? slugify(data.title) : value
}

/** A unique, URL-safe slug filled from the title when left empty. */
export function slugField(options: { reserved?: readonly string[] } = {}): TextField {
  const reserved = options.reserved ?? []
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    required: true,
    maxLength: 96,
    admin: { position: 'sidebar', description: 'Alamat halaman; dibuat dari judul bila dikosongkan.' },
    hooks: { beforeValidate: [fillFromTitle] },
    validate: (value: string | null | undefined) => {
      if (!value) return 'Slug is required.'
      if (!SLUG_PATTERN.test(value)) return 'Slug may contain only lowercase letters, digits and single hyphens.'
      if (reserved.includes(value)) return `The slug "${value}" is reserved for another page of the site.`
      return true
    },
  }
}
