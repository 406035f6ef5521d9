/**
 * The origin absolute links are built from. PUBLIC_URL when configured; never
 * a request's Host header, except that a server without PUBLIC_URL reached on
 * this machine (localhost, 127.0.0.1, [::1]) links back to the address used,
 * which is what a developer expects. Anything else gets http://localhost:PORT.
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type PublicOrigin = ((request: Request) => string) & { setPort(port: number): void };

export function createPublicOrigin(publicUrl: string | undefined, initialPort: number | undefined): PublicOrigin {
  let port = initialPort;
  const origin = (request: Request) => {
    if (publicUrl) return publicUrl;
    const url = new URL(request.url);
    if (LOOPBACK.has(url.hostname) && (port === undefined || port === 0 || Number(url.port || 80) === port)) return url.origin;
    return `http://localhost${port && port !== 80 ? `:${port}` : ""}`;
  };
  return Object.assign(origin, {
    setPort: (value: number) => {
      port = value;
    },
  });
}
