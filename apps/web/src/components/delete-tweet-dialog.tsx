import { useLocation } from 'react-router';
import { errorMessage } from '../api/problem.js';
import { useDeleteTweet } from '../api/use-tweets.js';
import { useAppStore } from '../store.js';
import { ConfirmDialog } from './confirm-dialog.js';

/** Asks before deleting the tweet the person chose; one for the whole app. */
export function DeleteTweetDialog() {
  const tweet = useAppStore((state) => state.pendingDelete);
  const close = useAppStore((state) => state.closeDeleteDialog);
  const showFlash = useAppStore((state) => state.showFlash);
  const remove = useDeleteTweet();
  const { pathname } = useLocation();
  if (!tweet) return null;

  return (
    <ConfirmDialog
      key={tweet.id}
      title="Delete this tweet?"
      confirmLabel="Delete"
      busy={remove.isPending}
      error={remove.isError ? `The tweet wasn't deleted. ${errorMessage(remove.error)}` : undefined}
      onConfirm={() =>
        remove.mutate(tweet.id, {
          onSuccess: () => {
            close();
            showFlash('Tweet deleted', pathname);
          },
        })
      }
      onCancel={() => {
        remove.reset();
        close();
      }}
    >
      {tweet.body && <blockquote className="dialog-quote">{tweet.body}</blockquote>}
      <p>This can't be undone.</p>
    </ConfirmDialog>
  );
}
