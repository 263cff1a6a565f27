package dev.berth.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Child JVM for the transport choice: the same first-container path as Berth's (ping, negotiate the version, create
 * with a JSON body, start) on Apache HttpClient 5.6 over the JDK's unix socket; reports it running, cleans up.
 */
public final class FirstContainerHc5 {
    private static final Pattern ID = Pattern.compile("\"Id\":\"([0-9a-f]+)\"");

    private FirstContainerHc5() {
    }

    public static void main(String[] args) throws Exception {
        try (Hc5Http http = new Hc5Http(LifecycleBenchmark.SOCKET)) {
            http.call("GET", "/_ping", null);
            String api = "/v1.41";
            Matcher m = ID.matcher(http.call("POST", api + "/containers/create", LifecycleBenchmark.createBody(
                    "\"Cmd\":[\"sleep\",\"30\"]", "\"dev.berth.managed\":\"true\"")));
            m.find();
            String id = m.group(1);
            http.call("POST", api + "/containers/" + id + "/start", null);
            System.out.println("RUNNING " + id);
            System.out.flush();
            http.call("DELETE", api + "/containers/" + id + "?force=1&v=1", null);
        }
    }
}
