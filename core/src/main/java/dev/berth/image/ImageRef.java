package dev.berth.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed image reference: {@code [registry/]repository[:tag][@digest]}, as Docker's reference grammar reads it.
 *
 * @param repository the repository including any registry host, e.g. {@code nginx} or {@code 127.0.0.1:5000/app}
 * @param tag        the tag, if any
 * @param digest     the digest such as {@code sha256:…}, if any
 */
public record ImageRef(String repository, Optional<String> tag, Optional<String> digest) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    public ImageRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** Parses a reference, checking it against Docker's grammar. */
    public static ImageRef parse(String reference) {
        Objects.requireNonNull(reference, "reference");
        String s = reference.trim();
        Optional<String> digest = Optional.empty();
        int at = s.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(s.substring(at + 1));
            s = s.substring(0, at);
            if (!DIGEST.matcher(digest.get()).matches()) {
                throw bad(reference, "digest '" + digest.get() + "' is not ALGORITHM:HEX");
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = s.lastIndexOf(':');
        if (colon > s.lastIndexOf('/')) {
            tag = Optional.of(s.substring(colon + 1));
            s = s.substring(0, colon);
            if (!TAG.matcher(tag.get()).matches()) {
                throw bad(reference, "tag '" + tag.get() + "' may contain only letters, digits, '_', '.' and '-'");
            }
        }
        if (s.isEmpty()) {
            throw bad(reference, "the repository name is empty");
        }
        String[] parts = s.split("/", -1);
        int first = isRegistry(parts[0]) && parts.length > 1 ? 1 : 0;
        for (int i = first; i < parts.length; i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                throw bad(reference, "'" + parts[i] + "' is not a valid repository component (lower-case letters,"
                        + " digits and separators . _ __ -)");
            }
        }
        return new ImageRef(s, tag, digest);
    }

    /** The registry host named in the reference, or empty for Docker Hub. */
    public Optional<String> registry() {
        int slash = repository.indexOf('/');
        return slash > 0 && isRegistry(repository.substring(0, slash))
                ? Optional.of(repository.substring(0, slash)) : Optional.empty();
    }

    /** This reference with tag {@code latest} if it has neither tag nor digest, as {@code docker pull} assumes. */
    public ImageRef withDefaultTag() {
        return tag.isEmpty() && digest.isEmpty() ? new ImageRef(repository, Optional.of("latest"), digest) : this;
    }

    @Override
    public String toString() {
        return repository + tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }

    private static boolean isRegistry(String part) {
        return part.contains(".") || part.contains(":") || part.equals("localhost")
                || !part.equals(part.toLowerCase(Locale.ROOT));
    }

    private static IllegalArgumentException bad(String ref, String why) {
        return new IllegalArgumentException("Invalid image reference '" + ref + "': " + why);
    }
}
