// Vitest runs lib/server code outside React's server bundle; the real
// "server-only" package throws there, so tests import this empty module instead.
export {};
