import { escapeHtml, excerpt, oneLine, page } from './html.js';
import type { Links, MailData, Rendered } from './index.js';
import { headline, linkOf, unsubscribeFooter, type NotificationMailData } from './notification.js';

/** A digest: what happened since the last one, one line each. */
export interface DigestMailData {
  recipient_name: string;
  items: NotificationMailData[];
}

export function renderDigest(data: MailData, links: Links): Rendered {
  const d = data as unknown as DigestMailData;
  const count = d.items.length;
  const subject = oneLine(`Your Starling digest: ${count} new notification${count === 1 ? '' : 's'}`);
  const footer = unsubscribeFooter(links, 'notification mail');
  const lines = d.items.map((item) => {
    const quote = item.tweet_body ? excerpt(item.tweet_body, 140) : '';
    return { line: headline(item), quote, url: linkOf(item, links.publicUrl) };
  });
  return {
    subject,
    text: `Hi ${d.recipient_name},

Here is what happened on Starling:

${lines.map((l) => `- ${l.line}${l.quote ? `: "${l.quote}"` : ''}\n  ${l.url}`).join('\n')}

All your notifications: ${links.publicUrl}/notifications
${footer.text}`,
    html: page(
      subject,
      `<p>Hi ${escapeHtml(d.recipient_name)},</p>
<p>Here is what happened on Starling:</p>
<ul>
${lines
  .map(
    (l) =>
      `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.line)}</a>${l.quote ? `: “${escapeHtml(l.quote)}”` : ''}</li>`,
  )
  .join('\n')}
</ul>
<p><a href="${escapeHtml(`${links.publicUrl}/notifications`)}">All your notifications</a></p>`,
      footer.html,
    ),
  };
}
