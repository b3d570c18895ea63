import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../src/app.js';
import { createApiClient } from '../../src/api/client.js';
import { createMediaUploader } from '../../src/api/media-upload.js';
import { createQueryClient } from '../../src/api/query-client.js';
import { installFakeXhr, ORIGIN, type FakeServer } from './fake-server.js';

/** Renders the whole app at `path`, talking to `server` instead of the network. */
export function renderApp(path: string, server: FakeServer) {
  // The client picks up fetch when it is created, so stub first.
  vi.stubGlobal('fetch', server.fetch);
  installFakeXhr(server);
  const client = createApiClient(ORIGIN);
  const queryClient = createQueryClient({ retryDelay: 0 });
  const user = userEvent.setup();
  const view = render(
    <App client={client} uploader={createMediaUploader(ORIGIN)} queryClient={queryClient} initialEntries={[path]} />,
  );
  return { ...view, user, queryClient };
}
