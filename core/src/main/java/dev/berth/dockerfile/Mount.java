package dev.berth.dockerfile;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code RUN --mount}: {@link Bind}, {@link Cache}, {@link Tmpfs}, {@link Secret} or {@link Ssh}, e.g.
 * {@code Mount.cache("/root/.m2").sharing(Mount.Sharing.LOCKED)}. Option values are single words without commas or
 * quotes, since they are written as one comma-separated flag value.
 */
public sealed interface Mount permits Mount.Bind, Mount.Cache, Mount.Tmpfs, Mount.Secret, Mount.Ssh {

    /** The {@code sharing} mode of a cache mount. */
    enum Sharing {
        SHARED, PRIVATE, LOCKED;

        /** The Dockerfile spelling, e.g. {@code locked}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The {@code key=value} options in canonical order, starting with {@code type=…}. */
    List<String> options();

    /** A read-only bind mount of the build context (or of {@code from}) at target. */
    static Bind bind(String target) {
        return new Bind(target, Optional.empty(), Optional.empty(), false);
    }

    /** A persistent cache directory at target. */
    static Cache cache(String target) {
        return new Cache(target, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** A tmpfs at target. */
    static Tmpfs tmpfs(String target) {
        return new Tmpfs(target, Optional.empty());
    }

    /** The build secret {@code id}, mounted at {@code /run/secrets/<id>} unless a target or env is set. */
    static Secret secret(String id) {
        return new Secret(Optional.of(id), Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The default SSH agent socket. */
    static Ssh ssh() {
        return new Ssh(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code type=bind}: target, source, from, rw. */
    record Bind(String target, Optional<String> source, Optional<String> from, boolean readwrite) implements Mount {
        public Bind {
            target = value("target", target);
            source = optional("source", source);
            from = optional("from", from);
        }

        public Bind source(String s) {
            return new Bind(target, Optional.of(s), from, readwrite);
        }

        public Bind from(String f) {
            return new Bind(target, source, Optional.of(f), readwrite);
        }

        public Bind readwrite(boolean rw) {
            return new Bind(target, source, from, rw);
        }

        @Override
        public List<String> options() {
            List<String> o = start("bind");
            add(o, "target", target);
            add(o, "source", source);
            add(o, "from", from);
            flag(o, "rw", readwrite);
            return o;
        }
    }

    /** {@code type=cache}: target, id, sharing, from, source, mode, uid, gid, ro. */
    record Cache(String target, Optional<String> id, Optional<Sharing> sharing, Optional<String> from,
                 Optional<String> source, Optional<String> mode, Optional<String> uid, Optional<String> gid,
                 boolean readonly) implements Mount {
        public Cache {
            target = value("target", target);
            id = optional("id", id);
            requireNonNull(sharing, "sharing");
            from = optional("from", from);
            source = optional("source", source);
            mode = optional("mode", mode);
            uid = optional("uid", uid);
            gid = optional("gid", gid);
        }

        public Cache id(String v) {
            return new Cache(target, Optional.of(v), sharing, from, source, mode, uid, gid, readonly);
        }

        public Cache sharing(Sharing v) {
            return new Cache(target, id, Optional.of(v), from, source, mode, uid, gid, readonly);
        }

        public Cache from(String v) {
            return new Cache(target, id, sharing, Optional.of(v), source, mode, uid, gid, readonly);
        }

        public Cache mode(String v) {
            return new Cache(target, id, sharing, from, source, Optional.of(v), uid, gid, readonly);
        }

        public Cache owner(String uidValue, String gidValue) {
            return new Cache(target, id, sharing, from, source, mode, Optional.of(uidValue), Optional.of(gidValue),
                    readonly);
        }

        @Override
        public List<String> options() {
            List<String> o = start("cache");
            add(o, "target", target);
            add(o, "id", id);
            sharing.ifPresent(s -> o.add("sharing=" + s.value()));
            add(o, "from", from);
            add(o, "source", source);
            add(o, "mode", mode);
            add(o, "uid", uid);
            add(o, "gid", gid);
            flag(o, "ro", readonly);
            return o;
        }
    }

    /** {@code type=tmpfs}: target, size (bytes or with a unit, e.g. {@code 64m}). */
    record Tmpfs(String target, Optional<String> size) implements Mount {
        public Tmpfs {
            target = value("target", target);
            size = optional("size", size);
        }

        public Tmpfs size(String v) {
            return new Tmpfs(target, Optional.of(v));
        }

        @Override
        public List<String> options() {
            List<String> o = start("tmpfs");
            add(o, "target", target);
            add(o, "size", size);
            return o;
        }
    }

    /** {@code type=secret}: id, target, env, required, mode, uid, gid. */
    record Secret(Optional<String> id, Optional<String> target, Optional<String> env, boolean required,
                  Optional<String> mode, Optional<String> uid, Optional<String> gid) implements Mount {
        public Secret {
            id = optional("id", id);
            target = optional("target", target);
            env = optional("env", env);
            mode = optional("mode", mode);
            uid = optional("uid", uid);
            gid = optional("gid", gid);
        }

        public Secret target(String v) {
            return new Secret(id, Optional.of(v), env, required, mode, uid, gid);
        }

        public Secret env(String v) {
            return new Secret(id, target, Optional.of(v), required, mode, uid, gid);
        }

        public Secret required(boolean on) {
            return new Secret(id, target, env, on, mode, uid, gid);
        }

        @Override
        public List<String> options() {
            List<String> o = start("secret");
            add(o, "id", id);
            add(o, "target", target);
            add(o, "env", env);
            flag(o, "required", required);
            add(o, "mode", mode);
            add(o, "uid", uid);
            add(o, "gid", gid);
            return o;
        }
    }

    /** {@code type=ssh}: id, target, required, mode, uid, gid. */
    record Ssh(Optional<String> id, Optional<String> target, boolean required, Optional<String> mode,
               Optional<String> uid, Optional<String> gid) implements Mount {
        public Ssh {
            id = optional("id", id);
            target = optional("target", target);
            mode = optional("mode", mode);
            uid = optional("uid", uid);
            gid = optional("gid", gid);
        }

        public Ssh id(String v) {
            return new Ssh(Optional.of(v), target, required, mode, uid, gid);
        }

        public Ssh required(boolean on) {
            return new Ssh(id, target, on, mode, uid, gid);
        }

        @Override
        public List<String> options() {
            List<String> o = start("ssh");
            add(o, "id", id);
            add(o, "target", target);
            flag(o, "required", required);
            add(o, "mode", mode);
            add(o, "uid", uid);
            add(o, "gid", gid);
            return o;
        }
    }

    private static List<String> start(String type) {
        List<String> o = new ArrayList<>(6);
        o.add("type=" + type);
        return o;
    }

    private static void add(List<String> o, String key, String v) {
        o.add(key + "=" + v);
    }

    private static void add(List<String> o, String key, Optional<String> v) {
        v.ifPresent(s -> o.add(key + "=" + s));
    }

    private static void flag(List<String> o, String key, boolean on) {
        if (on) {
            o.add(key + "=true");
        }
    }

    private static String value(String key, String v) {
        requireNonNull(v, key);
        if (v.isEmpty()) {
            throw new DockerfileValueException("RUN --mount", v, key + " must not be empty");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\'' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new DockerfileValueException("RUN --mount", v,
                        key + " must not contain commas, quotes, whitespace or control characters");
            }
        }
        return v;
    }

    private static Optional<String> optional(String key, Optional<String> v) {
        requireNonNull(v, key);
        v.ifPresent(s -> value(key, s));
        return v;
    }
}
