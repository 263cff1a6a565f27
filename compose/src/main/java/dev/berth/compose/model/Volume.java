package dev.berth.compose.model;

import java.util.Map;

/** A top-level named volume: its engine name ({@code <project>_<key>} unless set or external) and options. */
public record Volume(String key, String name, String driver, Map<String, String> driverOpts, boolean external,
                     Map<String, String> labels, Map<String, Object> raw) {
}
