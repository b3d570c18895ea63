import { Link } from 'react-router';
import { useMe } from '../api/use-me.js';
import { useSuggestions } from '../api/use-suggestions.js';
import { FollowButton } from './follow-button.js';

/** "Who to follow": up to three people, each with a Follow button; nothing at all when logged out or when there is nobody to suggest. */
export function WhoToFollow() {
  const me = useMe().data;
  const suggestions = useSuggestions(!!me);
  const users = suggestions.data ?? [];
  if (!me || users.length === 0) return null;
  return (
    <section className="panel who-to-follow" aria-labelledby="who-to-follow-heading">
      <h2 id="who-to-follow-heading">Who to follow</h2>
      <ul className="user-list">
        {users.map((user) => (
          <li key={user.id} className="user-row">
            <div className="user-row-names">
              <Link to={`/u/${encodeURIComponent(user.username)}`} className="user-row-name">
                {user.name || user.username}
              </Link>
              <span className="handle">@{user.username}</span>
            </div>
            <FollowButton user={user} named />
          </li>
        ))}
      </ul>
    </section>
  );
}
