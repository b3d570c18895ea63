import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './client.js';
import type { MediaUploader } from './media-upload.js';

interface Api {
  client: ApiClient;
  uploader: MediaUploader;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({
  client,
  uploader,
  children,
}: {
  client: ApiClient;
  uploader: MediaUploader;
  children: ReactNode;
}) {
  return <ApiContext.Provider value={{ client, uploader }}>{children}</ApiContext.Provider>;
}

function useApiContext(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}

export function useApi(): ApiClient {
  return useApiContext().client;
}

/** How pictures go up (XMLHttpRequest for its progress events; tests bring their own). */
export function useUploader(): MediaUploader {
  return useApiContext().uploader;
}
