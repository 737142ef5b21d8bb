// tRPC over HTTP the way any script can call it: GET for queries, POST for mutations, the API key as Bearer token.
// No tRPC client library: the CLI shows exactly what goes over the wire.

export type TStudioClient = {
  query<T>(path: string, input?: unknown): Promise<T>;
  mutation<T>(path: string, input: unknown): Promise<T>;
};

export class StudioCallError extends Error {}

export function createStudioClient(options: { url: string; apiKey: string; fetch?: typeof fetch }): TStudioClient {
  const base = `${options.url.replace(/\/$/, "")}/api/trpc`;
  const doFetch = options.fetch ?? fetch;
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const call = async <T>(path: string, request: RequestInit & { search?: string }): Promise<T> => {
    let response: Response;
    try {
      response = await doFetch(`${base}/${path}${request.search ?? ""}`, request);
    } catch (error) {
      throw new StudioCallError(`cannot reach the studio at ${options.url}: ${(error as Error).message}`);
    }
    const text = await response.text();
    let body: { result?: { data: T }; error?: { message: string; data?: { code?: string } } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new StudioCallError(`${path}: the studio answered ${response.status} with something that is not JSON`);
    }
    if (body.error) throw new StudioCallError(`${path}: ${body.error.data?.code ?? response.status}: ${body.error.message}`);
    return body.result!.data;
  };
  return {
    query: (path, input) => call(path, { headers, search: input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}` }),
    mutation: (path, input) => call(path, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(input) }),
  };
}
