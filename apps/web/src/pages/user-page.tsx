import { useParams } from 'react-router';
import { ApiError } from '../api/problem.js';
import { useUser } from '../api/use-user.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { TweetList } from '../components/tweet-list.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

export function UserPage() {
  const { username = '' } = useParams();
  const user = useUser(username);
  useDocumentTitle(user.data ? `${user.data.name} (@${user.data.username})` : `@${username}`);

  if (!user.data) {
    // 400 too: a name the API cannot even look up belongs to nobody.
    if (user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400)) {
      return (
        <>
          <h1>No such user</h1>
          <p>Nobody on Starling goes by @{username}.</p>
        </>
      );
    }
    if (user.isError && !user.isFetching) {
      return <ErrorMessage what="Couldn't load this profile." error={user.error} onRetry={() => void user.refetch()} />;
    }
    return <Loading />;
  }

  const { name, username: handle } = user.data;
  return (
    <>
      <div className="profile-heading">
        <h1>{name || handle}</h1>
        <p className="handle">@{handle}</p>
      </div>
      <section aria-labelledby="user-tweets-heading">
        <h2 id="user-tweets-heading" className="visually-hidden">
          Tweets by @{handle}
        </h2>
        <TweetList filter={{ tweetedby: handle }} />
      </section>
    </>
  );
}
