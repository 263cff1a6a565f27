package dev.berth.compose.internal;

/** Home-directory expansion like compose-go's paths.ExpandUser. */
final class Paths0 {
    private Paths0() {
    }

    static String expandUser(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            String home = System.getProperty("user.home");
            return home + p.substring(1);
        }
        return p;
    }
}
