/** Headers every response carries, whatever route produced it. */

/** Pages meant to be framed by other sites (the embeds) say so; everything else refuses framing. */
export function securityHeaders(options: { frameable: boolean; html: boolean }): Record<string, string> {
  const frameAncestors = options.frameable ? "*" : "'none'";
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-resource-policy": "cross-origin",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    ...(options.frameable ? {} : { "x-frame-options": "DENY" }),
    "content-security-policy": options.html
      ? // GraphiQL and the app's pages: our own scripts, inline styles, no plug-ins, no foreign framing.
        `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ${frameAncestors}`
      : `default-src 'none'; frame-ancestors ${frameAncestors}`,
  };
}
