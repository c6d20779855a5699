import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql'

/** Deepest selection a query may nest: the portal's deepest real query (project → invoices → attempts) is 5. */
export const GRAPHQL_MAX_DEPTH = 8
/** Aliases per query: aliasing one expensive field many times is how complexity limits are dodged. */
export const GRAPHQL_MAX_ALIASES = 15

/**
 * Validation rules added to Payload's GraphQL (besides its maxComplexity): a query past the
 * depth or alias limit is refused before it runs, with a message saying which limit. Depth
 * counts through fragments; introspection (off in production) is not counted.
 */
export function graphqlValidationRules(): ValidationRule[] {
  // Reported as validation errors (a 400 naming the limit); thrown, they would be a 500.
  const reject = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] }
  return [
    maxDepthRule({ n: GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...reject }) as unknown as ValidationRule,
    maxAliasesRule({ n: GRAPHQL_MAX_ALIASES, exposeLimits: true, ...reject }) as unknown as ValidationRule,
  ]
}
