import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { RelativeTime } from '../components/relative-time.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { useMarkRead, useNotificationList } from './api.js';
import { describe, displayName, groupNotifications, type NotificationGroup } from './groups.js';
import './notifications.css';

function GroupItem({ group }: { group: NotificationGroup }) {
  const { who, what } = describe(group);
  const first = group.people[0];
  const tweetLink = group.tweet && `/t/${encodeURIComponent(group.tweet.id)}`;
  return (
    <li className={group.unread ? 'notification notification-unread' : 'notification'}>
      <p className="notification-summary">
        {first ? (
          <>
            <Link to={`/u/${encodeURIComponent(first.username)}`} className="notification-who">
              {who}
            </Link>{' '}
            {tweetLink ? <Link to={tweetLink}>{what}</Link> : what}
          </>
        ) : (
          what
        )}
        {group.unread && <span className="visually-hidden"> (new)</span>}
      </p>
      {group.people.length > 1 && (
        <p className="notification-people">
          {group.people.slice(0, 8).map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <Link to={`/u/${encodeURIComponent(p.username)}`}>{displayName(p)}</Link>
            </span>
          ))}
          {group.people.length > 8 && ', …'}
        </p>
      )}
      {group.tweet && <blockquote className="notification-tweet">{group.tweet.body}</blockquote>}
      <p className="notification-time">
        <RelativeTime iso={group.latest.created_at} />
      </p>
    </li>
  );
}

/**
 * /notifications: what happened, grouped where people expect it ("Ada and 12 others
 * liked your tweet"). Opening it marks everything shown read, which clears the badge;
 * one arriving while it is open is shown and marked read too.
 */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const list = useNotificationList();
  const markRead = useMarkRead();
  const notifications = useMemo(() => list.data?.pages.flatMap((page) => page.notifications) ?? [], [list.data]);
  const groups = useMemo(() => groupNotifications(notifications), [notifications]);
  const marked = useRef<string | undefined>(undefined);
  const newest = notifications[0]?.id;
  const { mutate } = markRead;

  useEffect(() => {
    if (!newest || (marked.current && marked.current >= newest)) return;
    marked.current = newest;
    mutate(newest);
  }, [newest, mutate]);

  let content;
  if (!list.data) {
    content =
      list.isError && !list.isFetching ? (
        <ErrorMessage what="Couldn't load your notifications." error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Loading />
      );
  } else if (groups.length === 0) {
    content = (
      <p className="empty">
        Nothing yet. When someone follows you, mentions you or likes your tweets, you'll see it here.
      </p>
    );
  } else {
    content = (
      <>
        <ul className="notification-list" aria-label="Notifications">
          {groups.map((group) => (
            <GroupItem key={group.key} group={group} />
          ))}
        </ul>
        {list.isFetchNextPageError ? (
          <ErrorMessage what="Couldn't load more." error={list.error} onRetry={() => void list.fetchNextPage()} />
        ) : (
          list.hasNextPage && (
            <button
              type="button"
              className="button load-more"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )
        )}
      </>
    );
  }
  return (
    <>
      <h1>Notifications</h1>
      {content}
    </>
  );
}
