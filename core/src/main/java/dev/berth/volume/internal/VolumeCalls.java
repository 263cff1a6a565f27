package dev.berth.volume.internal;

import dev.berth.ConflictException;
import dev.berth.Engine;
import dev.berth.internal.Errors;
import dev.berth.internal.RawApi;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeSpec;

import java.util.Optional;

/** Engine calls for volumes that have no handle yet. */
public final class VolumeCalls {
    private VolumeCalls() {
    }

    /** Creates the volume with the engine's labels added, refusing a name that is taken; blocks. */
    public static Volume create(Engine engine, VolumeSpec spec) {
        String label = spec.name().orElse("(unnamed)");
        Optional<String> name = spec.name();
        if (name.isPresent() && new Volume(engine, name.get()).exists()) {
            throw new ConflictException("Cannot create volume '" + name.get() + "': the name is already in use;"
                    + " choose another name, remove the volume that has it, or use engine.volumes().get(\""
                    + name.get() + "\") to reuse it", null);
        }
        try {
            String created = RawApi.callJson(engine, "POST", "/volumes/create",
                    VolumeMapping.createBody(spec, engine.labels())).json().path("Name").asText();
            return new Volume(engine, created);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "volume", label, "create");
        }
    }
}
