import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab cycling inside `dialog`. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

interface ModalProps {
  title: ReactNode;
  /** The element that says what the dialog is about, read with its title. */
  describedBy: string;
  /** Where focus starts. */
  initialFocus: RefObject<HTMLElement | null>;
  className: string;
  titleClassName: string;
  backdropClassName?: string;
  /** Escape (and, when `dismissOnBackdrop`, a click beside the dialog); undefined while it may not close. */
  onDismiss: (() => void) | undefined;
  dismissOnBackdrop?: boolean;
  /** Other keys the dialog answers; call preventDefault on those it handles. */
  onKeyDown?(event: KeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}

/**
 * A modal dialog's frame: a titled role="dialog" over a backdrop. The page behind it is
 * made inert by the layout; here focus starts on `initialFocus`, stays inside while
 * open, Escape dismisses, and on close focus returns to whatever opened the dialog (or
 * to the page's main content if that is gone).
 */
export function Modal({
  title,
  describedBy,
  initialFocus,
  className,
  titleClassName,
  backdropClassName = 'dialog-backdrop',
  onDismiss,
  dismissOnBackdrop = false,
  onKeyDown,
  children,
}: ModalProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  // Read while rendering, before the page behind becomes inert and drops focus.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    initialFocus.current?.focus();
    return () => {
      const target = opener?.isConnected && opener !== document.body ? opener : document.getElementById('main');
      target?.focus();
    };
  }, [initialFocus, opener]);

  function keyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      if (!onDismiss) return;
      event.preventDefault();
      onDismiss();
      return;
    }
    onKeyDown?.(event);
    if (!event.defaultPrevented) trapTab(event, dialogRef.current);
  }

  function onBackdrop(event: MouseEvent<HTMLDivElement>) {
    if (dismissOnBackdrop && event.target === event.currentTarget) onDismiss?.();
  }

  return (
    <div className={backdropClassName} onClick={onBackdrop}>
      <div
        ref={dialogRef}
        className={className}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onKeyDown={keyDown}
      >
        <h2 id={titleId} className={titleClassName}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
