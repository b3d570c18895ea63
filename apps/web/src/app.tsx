import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, MemoryRouter, Route, Routes } from 'react-router';
import { ApiProvider } from './api/api-context.js';
import { createApiClient, type ApiClient } from './api/client.js';
import { createMediaUploader, type MediaUploader } from './api/media-upload.js';
import { createQueryClient } from './api/query-client.js';
import { Layout } from './components/layout.js';
import { MinuteClock } from './components/minute-clock.js';
import { RequireAuth } from './components/require-auth.js';
import { AdminMailPage } from './pages/admin-mail-page.js';
import { AuthorizedAppsPage } from './pages/authorized-apps-page.js';
import { FollowListPage } from './pages/follow-list-page.js';
import { ForgotPasswordPage } from './pages/forgot-password-page.js';
import { HomePage } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotificationsPage } from './notifications/notifications-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { OAuthAuthorizePage } from './pages/oauth-authorize-page.js';
import { ProfilePage } from './pages/profile-page.js';
import { ResetPasswordPage } from './pages/reset-password-page.js';
import { SearchPage } from './pages/search-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SignUpPage } from './pages/signup-page.js';
import { TagPage } from './pages/tag-page.js';
import { ThreadPage } from './pages/thread-page.js';
import { UnsubscribePage } from './pages/unsubscribe-page.js';
import { UserPage } from './pages/user-page.js';
import { VerifyEmailPage } from './pages/verify-email-page.js';
import { createAppStore, StoreProvider } from './store.js';

export interface AppProps {
  /** The API to talk to; by default the one on this page's origin. */
  client?: ApiClient;
  /** How pictures are uploaded; by default XMLHttpRequest to this page's origin. */
  uploader?: MediaUploader;
  queryClient?: QueryClient;
  /** Start in memory at these URLs instead of following the browser's address bar. */
  initialEntries?: string[];
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<RequireAuth>{() => <HomePage />}</RequireAuth>} />
        <Route path="profile" element={<RequireAuth>{(me) => <ProfilePage key={me.user.id} me={me} />}</RequireAuth>} />
        <Route path="settings" element={<RequireAuth>{() => <SettingsPage />}</RequireAuth>} />
        <Route path="settings/apps" element={<RequireAuth>{() => <AuthorizedAppsPage />}</RequireAuth>} />
        <Route path="oauth/authorize" element={<OAuthAuthorizePage />} />
        <Route path="unsubscribe" element={<UnsubscribePage />} />
        <Route path="admin/mail" element={<RequireAuth>{() => <AdminMailPage />}</RequireAuth>} />
        <Route path="notifications" element={<RequireAuth>{() => <NotificationsPage />}</RequireAuth>} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="u/:username" element={<UserPage />} />
        <Route path="u/:username/followers" element={<FollowListPage direction="followers" />} />
        <Route path="u/:username/following" element={<FollowListPage direction="following" />} />
        <Route path="t/:id" element={<ThreadPage />} />
        <Route path="tags/:tag" element={<TagPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The whole app: one API client, query cache and store per instance, then the pages. */
export function App({ client, uploader, queryClient, initialEntries }: AppProps) {
  const [api] = useState(() => client ?? createApiClient());
  const [upload] = useState(() => uploader ?? createMediaUploader());
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [store] = useState(() => createAppStore());
  return (
    <ApiProvider client={api} uploader={upload}>
      <QueryClientProvider client={queries}>
        <StoreProvider store={store}>
          <MinuteClock />
          {initialEntries ? (
            <MemoryRouter initialEntries={initialEntries}>
              <AppRoutes />
            </MemoryRouter>
          ) : (
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          )}
        </StoreProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
