import { useTweets, entryKey, HOME } from '../api/use-tweets.js';
import { useHomeStream } from '../api/use-home-stream.js';
import { ComposeBox } from '../components/compose-box.js';
import { NewTweetsButton } from '../components/new-tweets-button.js';
import { PageColumns } from '../components/page-columns.js';
import { TweetList, uniqueEntries } from '../components/tweet-list.js';
import { WhoToFollow } from '../components/who-to-follow.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** Your tweets and reposts and those of the people you follow, kept live by the home stream. */
export function HomePage() {
  useDocumentTitle('Home');
  const timeline = useTweets(HOME);
  const { arrived, showArrived } = useHomeStream(true);
  // Whatever is already on screen (your own tweet, a refetched page) is not "new".
  const shown = new Set(timeline.data ? uniqueEntries(timeline.data.pages).map(entryKey) : []);
  const fresh = arrived.filter((tweet) => !shown.has(entryKey(tweet)));

  function show() {
    showArrived(fresh);
    // The button goes away: carry focus to the newest tweet instead of dropping it.
    const first = fresh[0];
    if (first) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-entry="${CSS.escape(entryKey(first))}"]`)?.focus(),
      );
    }
  }

  return (
    <PageColumns aside={<WhoToFollow />}>
      <h1>Home</h1>
      <ComposeBox />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="visually-hidden">
          Latest tweets
        </h2>
        <NewTweetsButton count={fresh.length} onShow={show} />
        <TweetList filter={HOME} empty="No tweets yet. Follow people to see their tweets here." />
      </section>
    </PageColumns>
  );
}
