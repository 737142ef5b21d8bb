import { createServer, type AddressInfo } from "node:net";

/** A free TCP port on loopback (nothing listens on it when this returns), so concurrent test runs never collide. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
