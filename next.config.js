// @ts-check

// Headers for every response. Pages get a nonce-based Content-Security-Policy
// from proxy.ts, which replaces the fallback below; the fallback (no inline
// script at all) covers whatever the proxy does not run on.
const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  experimental: {
    // Documents up to 64 MiB import (lib/server/document-transfer.ts); the
    // extra MiB is room for the multipart envelope, so a document just over
    // the limit still reaches the action and gets its clear refusal. The proxy
    // buffers bodies too and would cut them at its 10 MB default.
    serverActions: { bodySizeLimit: "65mb" },
    proxyClientMaxBodySize: "65mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
