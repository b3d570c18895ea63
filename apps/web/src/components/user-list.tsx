import { Link } from 'react-router';

export interface ListedUser {
  id: string;
  username: string;
  name?: string | undefined;
  bio?: string | undefined;
}

/** People as a list of links to their pages. */
export function UserList({ users, empty }: { users: ListedUser[]; empty: string }) {
  if (users.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="user-list">
      {users.map((user) => (
        <li key={user.id} className="user-row">
          <div className="user-row-names">
            <Link to={`/u/${encodeURIComponent(user.username)}`} className="user-row-name">
              {user.name || `@${user.username}`}
            </Link>
            {user.name && <span className="handle">@{user.username}</span>}
            {user.bio && <p className="user-row-bio">{user.bio}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
