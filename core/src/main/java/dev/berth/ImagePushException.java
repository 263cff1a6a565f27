package dev.berth;

/** Pushing an image to its registry failed (registry unreachable, refused, or out of space). */
public class ImagePushException extends BerthException {
    private static final long serialVersionUID = 1L;
    private final String image;

    public ImagePushException(String image, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The reference that was being pushed. */
    public String image() {
        return image;
    }
}
