package dev.berth;

/** Pulling an image from its registry failed (image missing there, no access, or registry unreachable). */
public class ImagePullException extends ImageNotFoundException {
    private static final long serialVersionUID = 1L;

    public ImagePullException(String image, String reason, Throwable cause) {
        super(image, "Image '" + image + "' is not present locally and pulling it failed: " + reason
                + "; build or load the image locally, or check the registry name and credentials", cause);
    }
}
