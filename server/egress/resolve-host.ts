import { lookup } from "node:dns/promises";

export type TResolvedAddress = { address: string; family: 4 | 6 };
/** Injected in tests, so a name can "resolve" to loopback without touching real DNS. */
export type TResolveHost = (hostname: string) => Promise<TResolvedAddress[]>;

/** Every address of the name (all: true): the check must see each one a connection could use. */
export const resolveHost: TResolveHost = async (hostname) => {
  const addresses = await lookup(hostname, { all: true });
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};
