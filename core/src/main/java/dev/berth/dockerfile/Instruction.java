package dev.berth.dockerfile;

/** A Dockerfile instruction; one immutable record per instruction of the Dockerfile reference. */
public sealed interface Instruction extends Statement
        permits From, Run, Cmd, Label, Expose, Env, Add, Copy, Entrypoint, Volume, User, Workdir, Arg, Onbuild,
                StopSignal, Healthcheck, Shell, Maintainer {

    /** The upper-case keyword, such as {@code RUN}. */
    String keyword();
}
