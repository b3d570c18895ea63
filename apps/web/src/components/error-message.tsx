import { errorMessage } from '../api/problem.js';

interface ErrorMessageProps {
  /** What could not be done, e.g. "Couldn't load tweets." */
  what: string;
  error: unknown;
  onRetry(): void;
}

/** A failed request, said plainly, with a way to ask again. */
export function ErrorMessage({ what, error, onRetry }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      <p>
        <strong>{what}</strong> {errorMessage(error)}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
