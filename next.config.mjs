/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "@node-rs/argon2"],
  poweredByHeader: false,
  // `next dev` serves its dev resources to these hosts too, so http://127.0.0.1:3000 works like localhost.
  allowedDevOrigins: ["127.0.0.1"],
  reactStrictMode: true,
};

export default nextConfig;
