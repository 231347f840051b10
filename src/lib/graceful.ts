// Stopping an HTTP server without cutting anyone off. Node's `server.close()` stops listening at once
// (connections still in the kernel's accept queue are reset) and destroys every connection without a
// request in progress — including one accepted a moment ago whose request is still on its way; clients
// see ECONNRESET either way. Here: first let running requests finish while still accepting (the app
// answers newcomers "stopping", see app.tsx), then stop listening, answer whatever still arrives on open
// connections (with `Connection: close`), and close a connection only once it has been quiet for a
// moment; whatever is left at the deadline is closed then.
// Quiet is judged by the socket's byte count, polled while draining, not by a 'data' listener: adding one
// takes the socket away from Node's HTTP parser, which otherwise reads it natively, and routes every
// request's bytes through JS streams — a fifth of an autosave's CPU (bench/README.md).
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection without a request must stay quiet before a stopping server closes it. */
const QUIET_MS = 1000;

/** Tracks a server's connections; `drain` stops it gracefully. */
export function trackConnections(server: HttpServer) {
  /** Per open connection: requests being answered on it, when it was last active, and the bytes read
   * from it by then (more bytes since: a request on its way whose head is not complete yet). */
  const connections = new Map<Socket, { busy: number; lastActive: number; seenBytes: number }>();
  let stopping = false;
  // Requests in progress are counted, not kept in a set: a long-lived Set of every response in flight cost
  // an autosave a sixth of its CPU (bench/README.md). At drain time each connection's current response
  // is found on its socket (Node keeps it there while it is being answered).
  let inFlight = 0;
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { busy: 0, lastActive: Date.now(), seenBytes: 0 });
    socket.once('close', () => connections.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const conn = connections.get(req.socket);
    if (conn) conn.busy++;
    inFlight++;
    // Answer, then close this connection, so the client's next request goes to a running instance.
    if (stopping) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight--;
      if (!conn) return;
      conn.busy--;
      conn.lastActive = Date.now();
      conn.seenBytes = req.socket.bytesRead;
    });
  });

  return {
    /** Requests being answered right now. */
    get inFlight(): number {
      return inFlight;
    },
    /** Stops listening, lets requests finish, closes quiet connections; everything is closed by `deadline`. */
    async drain(deadlineMs: number): Promise<{ cutOff: number }> {
      stopping = true;
      for (const socket of connections.keys()) {
        const res = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
        if (res && !res.headersSent) res.shouldKeepAlive = false;
      }
      const deadline = Date.now() + deadlineMs;
      // Keep accepting while requests that were running finish (new ones are answered "stopping" by the
      // app): closing the listener drops connections still waiting in the kernel's accept queue.
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setImmediate(r));
      // The net.Server close: stop accepting without http.Server's "destroy idle connections".
      const closed = new Promise<void>((r) => NetServer.prototype.close.call(server, () => r()));
      while (connections.size && Date.now() < deadline) {
        const now = Date.now();
        for (const [socket, conn] of connections) {
          if (socket.bytesRead !== conn.seenBytes) {
            conn.seenBytes = socket.bytesRead;
            conn.lastActive = now;
          }
          if (conn.busy === 0 && now - conn.lastActive >= QUIET_MS) socket.end();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const cutOff = inFlight;
      for (const socket of connections.keys()) socket.destroy();
      await closed;
      return { cutOff };
    },
  };
}
