import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@starling/sdk';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';

export type EmailPreferences = Required<components['schemas']['EmailPreferences']>;
export type EmailSetting = components['schemas']['EmailPreference'];
export type MailSummary = components['schemas']['Mail'];
export type MailWithBody = components['schemas']['MailWithBody'];

const preferencesKey = ['email-preferences'] as const;

export interface PreferencesView {
  email: EmailPreferences;
  etag: string | undefined;
}

/** How the signed-in person hears of each notification type by email, with its version. */
export function useEmailPreferences() {
  const api = useApi();
  return useQuery({
    queryKey: preferencesKey,
    queryFn: async (): Promise<PreferencesView> => {
      const { data, error, response } = await api.GET('/api/v2/notifications/preferences');
      if (error || !data) throw apiError(response, error);
      return { email: data.email as EmailPreferences, etag: response.headers.get('etag') ?? undefined };
    },
  });
}

/** Changes some types' settings; refused (412) when someone changed them since `etag`. */
export function useUpdateEmailPreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, etag }: { email: Partial<EmailPreferences>; etag: string | undefined }) => {
      const { data, error, response } = await api.PUT('/api/v2/notifications/preferences', {
        params: { header: etag ? { 'If-Match': etag } : {} },
        body: { email },
      });
      if (error || !data) throw apiError(response, error);
      return { email: data.email as EmailPreferences, etag: response.headers.get('etag') ?? undefined };
    },
    onSuccess: (view) => queryClient.setQueryData<PreferencesView>(preferencesKey, view),
  });
}

/** The one-click unsubscribe, as a mail client would send it: a form POST with the link's token. */
export function useUnsubscribe() {
  const api = useApi();
  return useMutation({
    mutationFn: async (token: string) => {
      const { data, error, response } = await api.POST('/api/v2/mail/unsubscribe', {
        params: { query: { token } },
        body: { 'List-Unsubscribe': 'One-Click' },
        bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (error || !data) throw apiError(response, error);
      return data.types;
    },
  });
}

/** A page of the mail Starling sent or is sending (admins only), from `cursor`. */
export function useMailList(cursor: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['mail', 'list', cursor ?? ''],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v2/mail', {
        params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      });
      if (error || !data) throw apiError(response, error);
      const next = /<[^>]*[?&]cursor=([^&>]+)[^>]*>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
      return { mail: data.mail, next: next ? decodeURIComponent(next) : undefined };
    },
  });
}

/** One mail with its bodies (admins only). */
export function useMail(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['mail', 'one', id ?? ''],
    enabled: id !== undefined,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v2/mail/{id}', { params: { path: { id: id! } } });
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}

/** Whether the signed-in person may read the mail list: admins only, so the answer tells. */
export function useMayReadMail() {
  const api = useApi();
  return useQuery({
    queryKey: ['mail', 'allowed'],
    queryFn: async () => {
      const { response } = await api.GET('/api/v2/mail', { params: { query: { limit: 1 } } });
      return response.status === 200;
    },
  });
}
