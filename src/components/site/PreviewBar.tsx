import { LivePreviewRefresh } from './LivePreviewRefresh'

/** Shown while an editor previews drafts; leaving goes through /next/exit-preview. */
export function PreviewBar() {
  return (
    <div className="preview-bar" role="status">
      <span>Mode pratinjau: Anda melihat versi draf terbaru.</span>
      <a href="/next/exit-preview">Keluar dari pratinjau</a>
      <LivePreviewRefresh />
    </div>
  )
}
