import { Link, useParams } from 'react-router';
import { useMe, type User } from '../api/use-me.js';
import { FollowButton } from '../components/follow-button.js';
import { TweetList } from '../components/tweet-list.js';
import { UserGate } from '../components/user-gate.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const counted = (n: number, one: string, many: string) => (
  <>
    <strong>{n}</strong> {n === 1 ? one : many}
  </>
);

function Profile({ user }: { user: User }) {
  const me = useMe().data;
  const base = `/u/${encodeURIComponent(user.username)}`;
  const isMe = me?.user.id === user.id;
  return (
    <>
      <div className="profile-heading">
        <div className="profile-title">
          <h1>{user.name || user.username}</h1>
          <p className="handle">
            @{user.username}
            {!isMe && user.followed_by && <span className="badge">Follows you</span>}
          </p>
        </div>
        {me && !isMe && <FollowButton user={user} />}
      </div>
      {user.bio && <p className="bio">{user.bio}</p>}
      <ul className="profile-counts">
        <li>{counted(user.tweets_count, 'tweet', 'tweets')}</li>
        <li>
          <Link to={`${base}/followers`}>{counted(user.followers_count, 'follower', 'followers')}</Link>
        </li>
        <li>
          <Link to={`${base}/following`}>
            <strong>{user.following_count}</strong> following
          </Link>
        </li>
      </ul>
      <section aria-labelledby="user-tweets-heading">
        <h2 id="user-tweets-heading" className="visually-hidden">
          Tweets by @{user.username}
        </h2>
        <TweetList filter={{ tweetedby: user.username }} />
      </section>
    </>
  );
}

export function UserPage() {
  const { username = '' } = useParams();
  return <UserGate username={username}>{(user) => <Titled user={user} />}</UserGate>;
}

function Titled({ user }: { user: User }) {
  useDocumentTitle(`${user.name} (@${user.username})`);
  return <Profile user={user} />;
}
