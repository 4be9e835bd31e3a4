/**
 * The service's configuration takes NODE_ENV=production when it is not set (src/config.ts); libraries
 * that read `process.env.NODE_ENV` once, when they are loaded, must see the same default. graphql-js in
 * particular runs a development-mode `instanceOf` on every type test of the executor when NODE_ENV is not
 * `production` (a lookup of Symbol.toStringTag each time a value is not of the tested class: ≈ 10 % of
 * the executor's time on a nested answer, bench/README.md), and Express keeps development defaults.
 * Imported first by the processes that serve (src/main.ts, bench/serve.ts); tests set NODE_ENV=test.
 */
process.env.NODE_ENV ??= 'production';

export {};
