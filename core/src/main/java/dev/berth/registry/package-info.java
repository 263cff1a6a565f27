/**
 * Registry credentials, resolved as the docker CLI resolves them: explicit {@link dev.berth.registry.Credentials},
 * {@code config.json} {@code auths}, and credential helpers ({@code credsStore}/{@code credHelpers}).
 *
 * <pre>{@code
 * RegistryAuth auth = RegistryAuth.of("127.0.0.1:5001", Credentials.of("ci", password))
 *         .orElse(RegistryAuth.fromEnv());
 * engine.image("127.0.0.1:5001/app:1").push(PushOptions.defaults().auth(auth));
 * }</pre>
 *
 * <p>Secrets never appear in {@code toString()}, Berth's logs or exception messages. They travel only in the
 * {@code X-Registry-Auth}/{@code X-Registry-Config} headers, which is why Berth sends pulls, pushes and builds itself
 * rather than through docker-java (whose commands print their fields, credentials included, at debug level).
 */
package dev.berth.registry;
