import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The server's connections and how many requests each has in flight, so that closing
 * the gateway drops the ones with nothing to finish. Node's own idle close misses
 * connections that never sent a request (browsers and fetch open spare ones), and a
 * keep-alive connection whose last response ends after the close began: either would
 * hold the close until Node's header timeout.
 */
export function trackConnections(server: Server) {
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket as Socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      // end, not destroy: the response's last bytes may still be on their way out.
      if (closing && left === 0) socket.end();
    });
  });
  return {
    /** From now on, a connection is closed as soon as it has nothing in flight. */
    closeIdle(): void {
      closing = true;
      for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
    },
  };
}
