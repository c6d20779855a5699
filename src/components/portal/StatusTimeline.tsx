import { PROJECT_STATUS_LABELS } from '@/lib/portal/labels'
import type { Project } from '../../../payload-types'
import { isProjectStatus } from '../../../projects/statusFlow'

const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })
const label = (status: string) => (isProjectStatus(status) ? PROJECT_STATUS_LABELS[status] : status)

/** The project's status history, oldest first, as the server recorded it. */
export function StatusTimeline({ project }: { project: Project }) {
  const history = project.statusHistory ?? []
  return (
    <ol className="timeline">
      <li className="timeline__item">
        <span className="timeline__title">Proyek dibuat</span>
        <time dateTime={project.createdAt}>{dateTime.format(new Date(project.createdAt))} WIB</time>
      </li>
      {history.map((entry, index) => (
        <li key={entry.id ?? index} className="timeline__item">
          <span className="timeline__title">
            {label(entry.from)} → <strong>{label(entry.to)}</strong>
          </span>
          <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))} WIB</time>
          {entry.note ? <p className="timeline__note">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  )
}
