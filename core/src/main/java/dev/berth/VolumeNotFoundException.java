package dev.berth;

/** No volume with the given name exists. */
public class VolumeNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public VolumeNotFoundException(String volume, Throwable cause) {
        super("volume", volume, "No such volume '" + volume + "'; create it first or check the name", cause);
    }
}
