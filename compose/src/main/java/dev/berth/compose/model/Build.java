package dev.berth.compose.model;

import java.util.List;
import java.util.Map;

/**
 * How to build a service's image. {@code context} is an absolute path or a URL; {@code args} values are null for
 * arguments that take no value.
 */
public record Build(String context, String dockerfile, String dockerfileInline, Map<String, String> args,
                    String target, List<String> cacheFrom, List<String> cacheTo, List<String> tags,
                    List<String> platforms, Map<String, String> labels, String network, boolean noCache, boolean pull,
                    Map<String, Object> raw) {
}
