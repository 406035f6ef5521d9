/** Headers every response carries, whatever route produced it. */
import { htmlContentSecurityPolicy } from "./csp.ts";

/** Pages meant to be framed by other sites (the embeds) say so; everything else refuses framing. */
export function securityHeaders(options: { frameable: boolean; html: string | null }): Record<string, string> {
  const frameAncestors = options.frameable ? "*" : "'none'";
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-resource-policy": "cross-origin",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    ...(options.frameable ? {} : { "x-frame-options": "DENY" }),
    "content-security-policy":
      options.html !== null
        ? // Our own scripts (inline ones only by hash), inline styles, no plug-ins, no foreign framing.
          htmlContentSecurityPolicy(options.html, frameAncestors)
        : `default-src 'none'; frame-ancestors ${frameAncestors}`,
  };
}
