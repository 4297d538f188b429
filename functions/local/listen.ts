// Listening on a port with a reason a person can act on when it is taken.
import type { Server } from 'node:http';

export class PortInUseError extends Error {
  constructor(
    /** Which server could not start ("local S3 API", "site server"). */
    readonly service: string,
    readonly port: number,
    readonly host: string,
  ) {
    super(`the ${service} cannot listen on ${host}:${port}: the port is already in use`);
    this.name = 'PortInUseError';
  }
}

/** Resolves once listening; rejects with PortInUseError when the port is taken, else with the listen error. */
export function listenOn(server: Server, port: number, host: string, service: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, port, host) : error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
