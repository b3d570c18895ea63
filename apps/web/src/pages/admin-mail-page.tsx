import { useState } from 'react';
import { useMail, useMailList, type MailSummary } from '../api/use-mail.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/**
 * What Starling sent or is sending, for admins: without SMTP_URL this is where the mail
 * written to DATA_DIR/mail is read. Opening one shows its text body.
 */
export function AdminMailPage() {
  useDocumentTitle('Mail');
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | undefined>();
  const page = useMailList(cursors.at(-1));

  if (page.isError)
    return <ErrorMessage what="Couldn't load the mail." error={page.error} onRetry={() => void page.refetch()} />;
  if (!page.data) return <Loading />;

  return (
    <section aria-labelledby="mail-heading">
      <h1 id="mail-heading">Mail</h1>
      {page.data.mail.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <table className="mail-list">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.data.mail.map((mail) => (
              <MailRow key={mail.id} mail={mail} open={open === mail.id} onOpen={() => setOpen(mail.id)} />
            ))}
          </tbody>
        </table>
      )}
      {open && <MailBody id={open} onClose={() => setOpen(undefined)} />}
      <p>
        {cursors.length > 0 && (
          <button type="button" className="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer
          </button>
        )}{' '}
        {page.data.next && (
          <button type="button" className="button" onClick={() => setCursors([...cursors, page.data.next!])}>
            Older
          </button>
        )}
      </p>
    </section>
  );
}

function MailRow({ mail, open, onOpen }: { mail: MailSummary; open: boolean; onOpen(): void }) {
  return (
    <tr aria-current={open || undefined}>
      <td>{new Date(mail.created_at).toLocaleString()}</td>
      <td>{mail.to || '(address not known yet)'}</td>
      <td>
        <button type="button" className="link-button" onClick={onOpen}>
          {mail.subject}
        </button>
      </td>
      <td>
        {mail.status}
        {mail.attempts > 1 ? ` after ${mail.attempts} attempts` : ''}
        {mail.error ? `: ${mail.error}` : ''}
      </td>
    </tr>
  );
}

function MailBody({ id, onClose }: { id: string; onClose(): void }) {
  const mail = useMail(id);
  if (mail.isError)
    return <ErrorMessage what="Couldn't load this mail." error={mail.error} onRetry={() => void mail.refetch()} />;
  if (!mail.data) return <Loading />;
  return (
    <article aria-labelledby="mail-subject" className="mail-body">
      <h2 id="mail-subject">{mail.data.subject}</h2>
      <p>
        To {mail.data.to}, {mail.data.template}, Message-ID key {mail.data.idempotency_key}
      </p>
      <pre>{mail.data.text}</pre>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </article>
  );
}
