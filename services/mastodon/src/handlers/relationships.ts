/** Mastodon's Relationship entity: Starling has follows only, so everything else is false. */
export const relationship = (id: string, following: boolean, followedBy: boolean) => ({
  id,
  following,
  showing_reblogs: following,
  notifying: false,
  languages: null,
  followed_by: followedBy,
  blocking: false,
  blocked_by: false,
  muting: false,
  muting_notifications: false,
  requested: false,
  requested_by: false,
  domain_blocking: false,
  endorsed: false,
  note: '',
});
