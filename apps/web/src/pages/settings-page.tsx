import { Link } from 'react-router';
import { useMayReadMail } from '../api/use-mail.js';
import { EmailPreferencesSection } from '../components/email-preferences.js';
import { SignInMethodsSection } from '../components/sign-in-methods.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** The signed-in person's settings (the profile itself is edited on /profile). */
export function SettingsPage() {
  useDocumentTitle('Settings');
  const mayReadMail = useMayReadMail().data === true;
  return (
    <section className="form-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <SignInMethodsSection />
      <EmailPreferencesSection />
      <section aria-labelledby="apps-heading">
        <h2 id="apps-heading">Authorized apps</h2>
        <p>
          <Link to="/settings/apps">Apps you let use your account</Link>, and revoking them.
        </p>
      </section>
      {mayReadMail ? (
        <section aria-labelledby="admin-heading">
          <h2 id="admin-heading">Administration</h2>
          <p>
            <Link to="/admin/mail">Mail Starling has sent</Link>: every mail the services asked for, its state and what
            it said.
          </p>
        </section>
      ) : null}
    </section>
  );
}
