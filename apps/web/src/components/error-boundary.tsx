import { Component, type ReactNode } from 'react';

interface ErrorBoundaryState {
  error: Error | null;
}

/** Keeps a page that fails to render from blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-message" role="alert">
        <h1>Something went wrong</h1>
        <p>This page could not be shown.</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
