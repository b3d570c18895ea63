import { useId, useRef, type ReactNode } from 'react';
import { Modal } from './modal.js';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** While the confirmed action runs: both buttons wait. */
  busy?: boolean;
  error?: string | undefined;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question: focus starts on the harmless choice, and Escape cancels. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <Modal
      title={title}
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="dialog"
      titleClassName="dialog-title"
      onDismiss={busy ? undefined : onCancel}
    >
      <div id={bodyId}>{children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
