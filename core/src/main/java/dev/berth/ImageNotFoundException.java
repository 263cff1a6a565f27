package dev.berth;

/** An image is not present locally and could not be pulled. */
public class ImageNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String image, String message, Throwable cause) {
        super("image", image, message, cause);
    }

    public ImageNotFoundException(String image, Throwable cause) {
        this(image, "No such image '" + image + "'; build it, pull it, or check the name and tag", cause);
    }
}
