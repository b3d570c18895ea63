import { button, escapeHtml, excerpt, oneLine, page } from './html.js';
import type { Links, MailData, Rendered } from './index.js';

/** What a notification mail says, resolved from the directory when it was asked for. */
export interface NotificationMailData {
  type: string;
  recipient_name: string;
  actor_name?: string;
  actor_username?: string;
  tweet_id?: string;
  tweet_body?: string;
  webhook_id?: string;
}

const actorOf = (d: NotificationMailData) =>
  d.actor_username ? `${d.actor_name || d.actor_username} (@${d.actor_username})` : 'Someone';

/** One line saying what happened, in plain text (escape it for HTML). */
export function headline(d: NotificationMailData): string {
  const actor = actorOf(d);
  switch (d.type) {
    case 'follow':
      return `${actor} followed you`;
    case 'mention':
      return `${actor} mentioned you`;
    case 'reply':
      return `${actor} replied to your tweet`;
    case 'like':
      return `${actor} liked your tweet`;
    case 'repost':
      return `${actor} reposted your tweet`;
    case 'webhook_disabled':
      return `Your webhook ${d.webhook_id ?? ''} was turned off after failing repeatedly`;
    default:
      return `You have a new notification`;
  }
}

/** Where the mail's main link goes: the tweet, the follower's profile, or the notifications page. */
export function linkOf(d: NotificationMailData, publicUrl: string): string {
  if (d.tweet_id) return `${publicUrl}/t/${encodeURIComponent(d.tweet_id)}`;
  if (d.type === 'follow' && d.actor_username) return `${publicUrl}/u/${encodeURIComponent(d.actor_username)}`;
  return `${publicUrl}/notifications`;
}

export function unsubscribeFooter(links: Links, what: string) {
  if (!links.unsubscribeUrl) return { text: '', html: '' };
  return {
    text: `\n--\nYou get this mail because of your notification settings. To stop ${what}: ${links.unsubscribeUrl}\nOr choose what is mailed to you at ${links.publicUrl}/settings\n`,
    html: `You get this mail because of your notification settings. <a href="${escapeHtml(links.unsubscribeUrl)}">Stop ${escapeHtml(what)}</a> or <a href="${escapeHtml(`${links.publicUrl}/settings`)}">choose what is mailed to you</a>.`,
  };
}

export function renderNotification(data: MailData, links: Links): Rendered {
  const d = data as unknown as NotificationMailData;
  const line = headline(d);
  const subject = oneLine(`${line} on Starling`);
  const url = linkOf(d, links.publicUrl);
  const quote = d.tweet_body ? excerpt(d.tweet_body) : '';
  const footer = unsubscribeFooter(links, `mail about ${d.type === 'follow' ? 'new followers' : `${d.type}s`}`);
  return {
    subject,
    text: `Hi ${d.recipient_name},

${line}.
${quote ? `\n> ${quote}\n` : ''}
${url}
${footer.text}`,
    html: page(
      subject,
      `<p>Hi ${escapeHtml(d.recipient_name)},</p>
<p>${escapeHtml(line)}.</p>
${quote ? `<blockquote style="margin: 0; padding-left: 1rem; border-left: 3px solid #ddd;">${escapeHtml(quote)}</blockquote>` : ''}
${button(url, d.type === 'webhook_disabled' ? 'See your notifications' : 'Open Starling')}`,
      footer.html || 'Starling tells you of this whatever your mail settings.',
    ),
  };
}
