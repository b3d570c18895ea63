/**
 * Whom the users with a `user` stream open in this process follow: read once per user
 * however many of their connections are open (a web app in a few tabs, a phone), kept
 * up to date from graph's events once for all of them, and let go with their last
 * connection.
 */
export class FollowLists {
  private readonly lists = new Map<string, { following: Promise<Set<string>>; holders: number }>();

  /** `userId`'s follow list, read with `load` unless a connection of theirs holds it already. */
  acquire(userId: string, load: () => Promise<Set<string>>): Promise<Set<string>> {
    let entry = this.lists.get(userId);
    if (!entry) {
      const following = load();
      entry = { following, holders: 0 };
      this.lists.set(userId, entry);
      // A failed read is not kept: the next connection reads again.
      following.catch(() => {
        if (this.lists.get(userId)?.following === following) this.lists.delete(userId);
      });
    }
    entry.holders++;
    return entry.following;
  }

  release(userId: string): void {
    const entry = this.lists.get(userId);
    if (entry && --entry.holders <= 0) this.lists.delete(userId);
  }

  followed(followerId: string, followeeId: string, follows: boolean): void {
    // After the read if it is still under way: a follow it already saw is added again, harmlessly.
    void this.lists
      .get(followerId)
      ?.following.then((set) => (follows ? set.add(followeeId) : set.delete(followeeId)))
      .catch(() => undefined);
  }
}
