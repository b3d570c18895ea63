import { EmailPreferencesSection } from '../components/email-preferences.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** The signed-in person's settings (the profile itself is edited on /profile). */
export function SettingsPage() {
  useDocumentTitle('Settings');
  return (
    <section className="form-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <EmailPreferencesSection />
    </section>
  );
}
