import { useToggleFollow } from '../api/use-follows.js';
import type { User } from '../api/use-me.js';

/**
 * Follow, or Following (pressed) to unfollow. `named` adds the @username to its
 * accessible name, for lists where several such buttons sit side by side.
 */
export function FollowButton({ user, named = false }: { user: User; named?: boolean }) {
  const toggle = useToggleFollow();
  const following = !!user.following;
  return (
    <span className="follow">
      <button
        type="button"
        className={following ? 'button follow-button following' : 'button button-primary follow-button'}
        aria-pressed={following}
        onClick={() => toggle.mutate({ user, follow: !following })}
      >
        {following ? 'Following' : 'Follow'}
        {named && <span className="visually-hidden"> @{user.username}</span>}
      </button>
      {toggle.isError && (
        <span className="field-error" role="alert">
          {toggle.variables?.follow ? "Couldn't follow." : "Couldn't unfollow."} Please try again.
        </span>
      )}
    </span>
  );
}
