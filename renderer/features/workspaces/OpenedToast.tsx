/** The body of the "new finding" toast: where, what, and a button to go to its row. */
export function OpenedToast({ where, message, tracked, onShow }: { where: string; message: string; tracked: boolean; onShow(): void }) {
  return (
    <div className="ws-toast">
      <div>
        <strong>Secret saved into a file</strong>
        <div>
          <code>{where}</code> — {message}
          {tracked ? <strong className="ws-toast-exposed"> (already in git history)</strong> : null}
        </div>
      </div>
      <button type="button" className="button button-small" onClick={onShow} data-testid="finding-opened-show">
        Show
      </button>
    </div>
  );
}
