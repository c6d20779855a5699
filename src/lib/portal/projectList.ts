import type { Project } from '../../../payload-types'

/**
 * What the portal's project lists show (the overview and "Web Saya"), asked for alone at
 * depth 0. The whole document at depth 1 (owner, tier with its features, status history,
 * decrypted credentials) cost about three times the CPU for fields no list shows.
 */
export const PROJECT_LIST_SELECT = { name: true, type: true, status: true, updatedAt: true } as const

export type ProjectListItem = Pick<Project, 'id' | 'name' | 'type' | 'status' | 'updatedAt'>

/** The same question over REST (as the benchmark and an integrator ask it). */
export const PROJECT_LIST_REST_QUERY = `depth=0&limit=100&sort=-updatedAt&${Object.keys(PROJECT_LIST_SELECT)
  .map((field) => `select[${field}]=true`)
  .join('&')}`
