import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { entryKey, type Tweet } from '../api/use-tweets.js';
import { MediaGrid } from './media-grid.js';
import { RelativeTime } from './relative-time.js';
import { ReplyBox } from './reply-box.js';
import { ReplyContext } from './reply-context.js';
import { TweetActions, TweetStats } from './tweet-actions.js';
import { TweetBody } from './tweet-body.js';

interface TweetItemProps {
  tweet: Tweet;
  /** The signed-in person's id, or undefined when nobody is: actions need someone. */
  meId: string | undefined;
  /** The tweet a thread page is about: marked as the current one. */
  current?: boolean;
  /** The tweet this one replies to, when the caller knows it (a thread does), or 'deleted'. */
  parent?: Tweet | 'deleted' | undefined;
}

/** One tweet (or one repost of it): who, when (linking to its thread), the body, and what can be done with it. */
export function TweetItem({ tweet, meId, current = false, parent }: TweetItemProps) {
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const closeReply = () => {
    setReplying(false);
    replyButton.current?.focus();
  };
  const profile = `/u/${encodeURIComponent(tweet.tweetedby)}`;
  return (
    <article
      className={current ? 'tweet tweet-current' : 'tweet'}
      aria-current={current ? 'page' : undefined}
      data-entry={entryKey(tweet)}
      tabIndex={-1}
    >
      {tweet.reposted_by && (
        <p className="tweet-context">
          <span aria-hidden="true">↻ </span>
          <Link to={`/u/${encodeURIComponent(tweet.reposted_by.username)}`}>
            {tweet.reposted_by.name || tweet.reposted_by.username}
          </Link>{' '}
          reposted
        </p>
      )}
      <div className="tweet-meta">
        <span className="tweet-author">{tweet.author_name || tweet.tweetedby}</span>{' '}
        <Link className="tweet-username" to={profile}>
          @{tweet.tweetedby}
        </Link>
        <span aria-hidden="true"> · </span>
        <Link className="tweet-time" to={`/t/${encodeURIComponent(tweet.id)}`}>
          <RelativeTime iso={tweet.timestamp} />
        </Link>
      </div>
      <ReplyContext tweet={tweet} parent={parent} />
      <TweetBody tweet={tweet} />
      <MediaGrid tweet={tweet} />
      {meId ? (
        <TweetActions
          tweet={tweet}
          own={meId === tweet.author_id}
          replying={replying}
          onReply={() => (replying ? closeReply() : setReplying(true))}
          replyButtonRef={replyButton}
        />
      ) : (
        <TweetStats tweet={tweet} />
      )}
      {replying && <ReplyBox to={tweet} autoFocus onClose={closeReply} onPosted={closeReply} />}
    </article>
  );
}
