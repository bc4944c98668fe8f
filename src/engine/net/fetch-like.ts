/** The fetch the engine's HTTP clients take: Node's own, the environment's proxy, or Electron's net. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
