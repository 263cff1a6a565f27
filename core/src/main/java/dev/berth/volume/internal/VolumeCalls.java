package dev.berth.volume.internal;

import dev.berth.ConflictException;
import dev.berth.internal.Connection;
import dev.berth.internal.EngineHttpException;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.volume.VolumeSpec;

import java.util.Optional;

/** Engine calls for volumes that have no handle yet. */
public final class VolumeCalls {
    private VolumeCalls() {
    }

    /** Creates the volume with the session's labels added, refusing a name that is taken; returns its name; blocks. */
    public static String create(Connection conn, VolumeSpec spec) {
        String label = spec.name().orElse("(unnamed)");
        Optional<String> name = spec.name();
        if (name.isPresent() && exists(conn, name.get())) {
            throw new ConflictException("Cannot create volume '" + name.get() + "': the name is already in use;"
                    + " choose another name, remove the volume that has it, or use engine.volumes().get(\""
                    + name.get() + "\") to reuse it", null);
        }
        try {
            return RawApi.callJson(conn, "POST", "/volumes/create",
                    VolumeMapping.createBody(spec, conn.labels())).json().path("Name").asText();
        } catch (RuntimeException e) {
            throw Errors.translate(e, "volume", label, "create");
        }
    }

    private static boolean exists(Connection conn, String name) {
        try {
            RawApi.call(conn, "GET", "/volumes/" + RawApi.q(name), null);
            return true;
        } catch (EngineHttpException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw Errors.translate(e, "volume", name, "inspect");
        }
    }
}
