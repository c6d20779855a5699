/** The three kinds of site the agency builds; used by projects, templates and pricing. */
export const PROJECT_TYPES = ['sekolah', 'berita', 'company'] as const
export type ProjectType = (typeof PROJECT_TYPES)[number]

export const PROJECT_TYPE_OPTIONS = [
  { label: 'Sekolah', value: 'sekolah' },
  { label: 'Berita', value: 'berita' },
  { label: 'Company Profile', value: 'company' },
] satisfies { label: string; value: ProjectType }[]
