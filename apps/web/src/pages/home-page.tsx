import { ComposeBox } from '../components/compose-box.js';
import { TweetList } from '../components/tweet-list.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const EVERYONE = {};

export function HomePage() {
  useDocumentTitle('Home');
  return (
    <>
      <h1>Home</h1>
      <ComposeBox />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="visually-hidden">
          Latest tweets
        </h2>
        <TweetList filter={EVERYONE} />
      </section>
    </>
  );
}
