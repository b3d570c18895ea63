import { useParams } from 'react-router';
import { PageColumns } from '../components/page-columns.js';
import { TweetList } from '../components/tweet-list.js';
import { WhoToFollow } from '../components/who-to-follow.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** /tags/{tag}: every tweet carrying the hashtag, newest first. */
export function TagPage() {
  const { tag = '' } = useParams();
  useDocumentTitle(`#${tag}`);
  return (
    <PageColumns aside={<WhoToFollow />}>
      <h1>#{tag}</h1>
      <section aria-label={`Tweets tagged #${tag}`}>
        <TweetList key={tag} filter={{ tag }} empty={`No tweets with #${tag} yet`} />
      </section>
    </PageColumns>
  );
}
