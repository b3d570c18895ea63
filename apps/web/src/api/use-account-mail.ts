import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import { meKey } from './use-me.js';

/** Asks for a password-reset link; the API answers alike whether or not the address has an account. */
export function useRequestPasswordReset() {
  const api = useApi();
  return useMutation({
    mutationFn: async (email: string) => {
      const { error, response } = await api.POST('/api/v1/auth/password_reset', { body: { email } });
      if (!response.ok) throw apiError(response, error);
    },
  });
}

/** Sets a new password with the token from a mailed link. */
export function useResetPassword() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reset: { token: string; password: string }) => {
      const { error, response } = await api.POST('/api/v1/auth/password_reset/confirm', { body: reset });
      if (!response.ok) throw apiError(response, error);
    },
    // Every session of the account has ended, this browser's too if it was signed in to it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/** Confirms an email address with the token from a mailed link; no sign-in needed. */
export function useConfirmEmail() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) => {
      const { error, response } = await api.POST('/api/v1/auth/email_confirmation/confirm', { body: { token } });
      if (!response.ok) throw apiError(response, error);
    },
    // Whoever is signed in here may be the one just confirmed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/** Mails the signed-in person a fresh link that confirms their address. */
export function useResendConfirmation() {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/api/v1/auth/email_confirmation');
      if (!response.ok) throw apiError(response, error);
    },
  });
}
