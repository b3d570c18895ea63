import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here. <Link to="/">Go back to the timeline</Link>
      </p>
    </>
  );
}
