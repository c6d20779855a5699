import { z } from 'zod'

import { reviewBody } from '../../projects/reviewInput'
import type { EndpointDoc } from '../endpointDoc'
import { serialId } from '../schemas/common'

export const reviewProjectDoc: EndpointDoc = {
  tag: 'Projects',
  summary: 'Approve a project in review, or ask for a revision',
  description: "The project's owner (or an admin), while it is in `review`: `approve` completes it; `request_revision` sends it back to `in_progress` with the note. Every other status refuses with the transitions allowed.",
  access: 'user',
  body: reviewBody,
  responses: {
    200: { description: 'The new status', schema: z.object({ message: z.string(), doc: z.object({ id: serialId, status: z.string() }) }) },
    400: { description: 'Bad body, or the project is not in review (`data.allowed` lists what is)' },
  },
}
