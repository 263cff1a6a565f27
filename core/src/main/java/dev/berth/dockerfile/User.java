package dev.berth.dockerfile;

/** {@code USER <user>[:<group>]}: the user (name or UID) for later instructions and the container. */
public record User(String user) implements Instruction {

    /** Trims the value and refuses a blank value or a line break. */
    public User {
        user = Checks.text("USER", user);
    }

    @Override
    public String keyword() {
        return "USER";
    }

    @Override
    public void writeTo(DockerfileWriter out) {
        out.begin("USER");
        out.text(user);
        out.end();
    }
}
