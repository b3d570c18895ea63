import { button, escapeHtml, oneLine, page } from './html.js';
import type { Links, MailData, Rendered } from './index.js';

const text = (v: unknown) => String(v ?? '');

/** Mail about the account itself: confirming its address, resetting its password. */
export function renderAccountMail(
  template: 'confirm-email' | 'password-reset',
  data: MailData,
  links: Links,
): Rendered {
  const name = text(data.name) || text(data.username);
  const token = encodeURIComponent(links.token ?? '');
  if (template === 'confirm-email') {
    const url = `${links.publicUrl}/verify-email?token=${token}`;
    const subject = 'Confirm your email address for Starling';
    return {
      subject,
      text: `Hi ${name},

Please confirm that this is your email address for the Starling account @${text(data.username)}:

${url}

If you did not sign up for Starling, ignore this mail; nothing will be done.
`,
      html: page(
        subject,
        `<p>Hi ${escapeHtml(name)},</p>
<p>Please confirm that this is your email address for the Starling account <strong>@${escapeHtml(data.username)}</strong>.</p>
${button(url, 'Confirm my address')}
<p>Or open this link: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
        'If you did not sign up for Starling, ignore this mail; nothing will be done.',
      ),
    };
  }
  const url = `${links.publicUrl}/reset-password?token=${token}`;
  const minutes = text(data.expires_in_minutes) || '60';
  const subject = oneLine(`Reset your Starling password (@${text(data.username)})`);
  return {
    subject,
    text: `Hi ${name},

Someone asked to reset the password of the Starling account @${text(data.username)}. To choose a new one, open this link within ${minutes} minutes:

${url}

The link works once. If it was not you, ignore this mail: your password stays as it is.
`,
    html: page(
      subject,
      `<p>Hi ${escapeHtml(name)},</p>
<p>Someone asked to reset the password of the Starling account <strong>@${escapeHtml(data.username)}</strong>. To choose a new one, open this link within ${escapeHtml(minutes)} minutes.</p>
${button(url, 'Choose a new password')}
<p>Or open this link: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
      'The link works once. If it was not you, ignore this mail: your password stays as it is.',
    ),
  };
}
