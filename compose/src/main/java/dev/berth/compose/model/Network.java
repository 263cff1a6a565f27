package dev.berth.compose.model;

import java.util.Map;

/** A top-level network: its engine name ({@code <project>_<key>} unless set or external) and creation options. */
public record Network(String key, String name, String driver, Map<String, String> driverOpts, boolean external,
                      boolean internal, boolean attachable, Boolean enableIpv6, Map<String, String> labels,
                      Map<String, Object> raw) {
}
