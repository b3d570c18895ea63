/**
 * "N new tweets" above the home timeline, once the stream has brought some. The region
 * is polite-live, so a screen reader hears that tweets arrived without losing its place.
 */
export function NewTweetsButton({ count, onShow }: { count: number; onShow(): void }) {
  return (
    <div className="new-tweets" aria-live="polite">
      {count > 0 && (
        <button type="button" className="button new-tweets-button" onClick={onShow}>
          {count === 1 ? '1 new tweet' : `${count} new tweets`}
        </button>
      )}
    </div>
  );
}
