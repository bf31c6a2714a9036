/**
 * Ollama's client has no timeout option and does not abort its request when a LangChain call is cancelled:
 * every request gets an abort signal of its own, so a server that never answers cannot hold the socket
 * (and the process) open past the deadline.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(init?.signal ? [init.signal] : [])];
    return fetch(input, { ...init, signal: AbortSignal.any(signals) });
  };
}
